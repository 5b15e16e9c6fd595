import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chart's {@code helm test}: proves that the installed suite works end to end, not only that the gateway is up.
 *
 * <ol>
 *   <li>a token from Keycloak for the smoke-test client (client credentials);</li>
 *   <li>one real call per service through the gateway with that token: 200, JSON, a page of {@code items}, and the
 *       gateway's {@code X-Request-Id} (so the gateway and the service both accepted the token and the service
 *       reached its database);</li>
 *   <li>the same path without a token: 401 {@code application/problem+json} from the gateway.</li>
 * </ol>
 *
 * Configured by the environment (the chart's test Pod sets it): {@code SC_TOKEN_URL}, {@code SC_CLIENT_ID},
 * {@code SC_CLIENT_SECRET}, {@code SC_GATEWAY_URL}, {@code SC_CALLS} ({@code service=path} pairs separated by
 * spaces) and {@code SC_TIMEOUT_SECONDS} (how long to keep retrying while the suite is still starting; default 120).
 * No dependencies beyond the JDK, so that its image is the JRE base plus one small jar. Exit 0 when every check
 * passes, 1 otherwise; what failed is printed.
 */
public final class SmokeTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long deadline;

    private SmokeTest(Duration timeout) {
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    public static void main(String[] args) throws Exception {
        String tokenUrl = required("SC_TOKEN_URL");
        String clientId = required("SC_CLIENT_ID");
        String clientSecret = required("SC_CLIENT_SECRET");
        String gateway = required("SC_GATEWAY_URL").replaceAll("/+$", "");
        String calls = required("SC_CALLS");
        int timeout = Integer.parseInt(System.getenv().getOrDefault("SC_TIMEOUT_SECONDS", "120"));

        SmokeTest test = new SmokeTest(Duration.ofSeconds(timeout));
        List<String> failures = new ArrayList<>();
        String token;
        try {
            token = test.token(tokenUrl, clientId, clientSecret);
            System.out.println("ok   token for " + clientId + " from " + tokenUrl + " (claims: " + claims(token) + ")");
        } catch (Exception e) {
            System.out.println("FAIL token for " + clientId + " from " + tokenUrl + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        for (String call : calls.trim().split("\\s+")) {
            int eq = call.indexOf('=');
            if (eq < 1) {
                failures.add("SC_CALLS entry '" + call + "' is not service=path");
                continue;
            }
            String service = call.substring(0, eq);
            String url = gateway + call.substring(eq + 1);
            String failure = test.check(service, url, token);
            System.out.println((failure == null ? "ok   " : "FAIL ") + service + ": GET " + url
                    + (failure == null ? " with a token: 200, a page of items; without: 401 problem+json" : ": " + failure));
            if (failure != null) {
                failures.add(service + ": " + failure);
            }
        }
        if (!failures.isEmpty()) {
            System.out.println(failures.size() + " check(s) failed");
            System.exit(1);
        }
        System.out.println("all checks passed");
    }

    private String token(String tokenUrl, String clientId, String clientSecret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String last = "";
        do {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher m = ACCESS_TOKEN.matcher(response.body());
                if (response.statusCode() == 200 && m.find()) {
                    return m.group(1);
                }
                last = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
                if (response.statusCode() == 400 || response.statusCode() == 401) {
                    throw new IllegalStateException(last + " (wrong client id or secret?)");
                }
            } catch (java.io.IOException e) {
                last = e.toString();
            }
        } while (pause());
        throw new IllegalStateException("no token before the deadline; last answer: " + last);
    }

    /** null when the service passes, else what went wrong. */
    private String check(String service, String url, String token) throws Exception {
        String last;
        do {
            try {
                HttpResponse<String> response = get(url, token);
                int status = response.statusCode();
                if (status == 502 || status == 503 || status == 504) {
                    last = "HTTP " + status + " " + abbreviate(response.body());
                    continue;   // the service is still starting: retry until the deadline
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (status != 200) {
                    return "with a token: HTTP " + status + " " + abbreviate(response.body());
                }
                if (!type.startsWith("application/json")) {
                    return "with a token: Content-Type " + type + ", expected application/json";
                }
                if (!response.body().trim().startsWith("{") || !response.body().contains("\"items\"")) {
                    return "with a token: not a page of items: " + abbreviate(response.body());
                }
                if (response.headers().firstValue("X-Request-Id").orElse("").isBlank()) {
                    return "with a token: no X-Request-Id header (not answered through the gateway?)";
                }
                HttpResponse<String> anonymous = get(url, null);
                String anonymousType = anonymous.headers().firstValue("Content-Type").orElse("");
                if (anonymous.statusCode() != 401 || !anonymousType.startsWith("application/problem+json")) {
                    return "without a token: HTTP " + anonymous.statusCode() + " " + anonymousType
                            + ", expected 401 application/problem+json";
                }
                return null;
            } catch (java.io.IOException e) {
                last = e.toString();
            }
        } while (pause());
        return "no answer before the deadline; last: " + last;
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits a little before the next attempt; false once the deadline has passed. */
    private boolean pause() throws InterruptedException {
        if (System.nanoTime() > deadline) {
            return false;
        }
        Thread.sleep(2000);
        return true;
    }

    /** The token's non-secret claims that help when a check fails: issuer, audience, roles, department. */
    private static String claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return "?";
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String claim : List.of("iss", "aud", "department")) {
            Matcher m = Pattern.compile("\"" + claim + "\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\])").matcher(payload);
            if (m.find()) {
                out.add(claim + "=" + m.group(1));
            }
        }
        Matcher roles = Pattern.compile("\"realm_access\"\\s*:\\s*\\{\\s*\"roles\"\\s*:\\s*(\\[[^\\]]*\\])").matcher(payload);
        if (roles.find()) {
            out.add("roles=" + roles.group(1));
        }
        return String.join(", ", out);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.out.println("FAIL the environment variable " + name + " is not set");
            System.exit(2);
        }
        return value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
