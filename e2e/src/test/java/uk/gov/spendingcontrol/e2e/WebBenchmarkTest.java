package uk.gov.spendingcontrol.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Measures (does not test; {@code @Tag("benchmark")}, left out of {@code make test}; {@code make bench-web} runs it): a
 * department home page with 500 programmes, each with an allocation and a whole-year return line set (6,000 lines):
 * the web service's own time per page (its Server-Timing, calls to budget and delegation-rules included) over 200
 * requests, p50 and p95, and the page's weight in a fresh browser. Figures go to docs/performance.md.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBenchmarkTest {

    private static final int PROGRAMMES = 500;
    private static final String BUDGET = "http://127.0.0.1:" + (8081 + Suite.OFFSET);
    private static final Pattern APP_DURATION = Pattern.compile("app;dur=([0-9.]+)");

    private final Suite suite = new Suite();
    private final HttpClient http = HttpClient.newHttpClient();
    private Browser browser;

    private java.util.Set<Long> suitePids;

    @BeforeAll
    void start() throws IOException {
        suitePids = suite.upForTest();
        browser = new Browser(suite.root);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (!Boolean.getBoolean("e2e.keepSuite")) {
            suite.downForTest(suitePids);
        }
    }

    @Test
    void departmentHomeWith500Programmes() throws Exception {
        // the data, written straight to budget (the gateway's write rate would make this take minutes)
        String token = token("defra-editor");
        StringBuilder csv = new StringBuilder("programme,boundary,period,kind,amount\n");
        for (int i = 0; i < PROGRAMMES; i++) {
            String code = String.format("DEFRA-B500-%04d", i);
            post("/api/v1/programmes", token, "{\"code\":\"" + code + "\",\"name\":\"Bench programme " + i + "\"}", "p-" + code);
            post("/api/v1/allocations", token, "{\"programme\":\"" + code + "\",\"financialYear\":\"2026-27\","
                    + "\"boundary\":\"RESOURCE_DEL_PROGRAMME\",\"amount\":1000000,\"reason\":\"bench\"}", "a-" + code);
            for (int p = 1; p <= 12; p++) {
                csv.append(code).append(",RESOURCE_DEL_PROGRAMME,").append(p)
                        .append(p <= 7 ? ",OUTTURN,60000.00\n" : ",FORECAST," + (i % 10 == 0 ? "200000.00" : "80000.00") + "\n");
            }
        }
        HttpResponse<String> ret = http.send(HttpRequest.newBuilder(URI.create(BUDGET + "/api/v1/returns?financialYear=2026-27&period=7"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Idempotency-Key", "bench-return").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(ret.statusCode() == 201, ret.body());

        try (BrowserContext context = browser.signedIn("defra-reader", "local-dev-only")) {
            String url = Suite.GATEWAY + "/department?financialYear=2026-27";
            for (int i = 0; i < 30; i++) {
                context.request().get(url);   // warm-up (JIT)
            }
            List<Double> server = new ArrayList<>();
            List<Long> roundTrip = new ArrayList<>();
            int size = 0;
            for (int i = 0; i < 200; i++) {
                long t0 = System.nanoTime();
                APIResponse r = context.request().get(url);
                roundTrip.add((System.nanoTime() - t0) / 1_000);
                assertEquals(200, r.status());
                size = r.body().length;
                Matcher m = APP_DURATION.matcher(r.headers().getOrDefault("server-timing", ""));
                assertTrue(m.find(), "Server-Timing: " + r.headers());
                server.add(Double.parseDouble(m.group(1)));
            }
            Collections.sort(server);
            Collections.sort(roundTrip);
            System.out.printf("MEASURE department home, %d programmes (%d programme lines above budget shown): web server time"
                    + " p50 %.1f ms, p95 %.1f ms, max %.1f ms; round trip through the gateway p50 %.1f ms, p95 %.1f ms;"
                    + " HTML %d bytes%n", PROGRAMMES, PROGRAMMES / 10, server.get(99), server.get(189), server.get(199),
                    roundTrip.get(99) / 1000.0, roundTrip.get(189) / 1000.0, size);

            // page weight in a fresh browser (nothing cached): every response's body
            try (BrowserContext fresh = browser.signedIn("defra-reader", "local-dev-only")) {
                Page page = fresh.newPage();
                AtomicLong bytes = new AtomicLong();
                List<String> files = new ArrayList<>();
                page.onResponse(r -> {
                    if (r.url().startsWith(Suite.GATEWAY) && !r.url().contains("/live")) {
                        try {
                            bytes.addAndGet(r.body().length);
                            files.add(r.url().substring(Suite.GATEWAY.length()) + " " + r.body().length);
                        } catch (RuntimeException redirect) {
                            // redirects have no body
                        }
                    }
                });
                page.navigate(url);
                page.waitForSelector("canvas");
                System.out.printf("MEASURE department home page weight (no cache, uncompressed): %d bytes in %d files: %s%n",
                        bytes.get(), files.size(), files);
            }
        }
    }

    private void post(String path, String token, String body, String key) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BUDGET + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, path + " " + r.statusCode() + " " + r.body());
    }

    private String token(String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(Suite.TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=spending-control-cli&username=" + user
                        + "&password=local-dev-only")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }
}
