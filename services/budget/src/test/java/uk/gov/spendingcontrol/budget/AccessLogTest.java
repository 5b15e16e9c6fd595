package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * The access log (the base configuration's pattern, fed by common-web RequestIds) names the route template and the
 * request id, never the ids in the path nor the query string, where a careless client may have put its token.
 */
@QuarkusTest
@TestProfile(AccessLogTest.AccessLogOn.class)
class AccessLogTest {

    /** The tests switch the access log off; this class switches it back on. */
    public static class AccessLogOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.access-log.enabled", "true");
        }
    }

    private static final Logger ACCESS_LOG = Logger.getLogger("io.quarkus.http.access-log");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        ACCESS_LOG.addHandler(capture);
    }

    @AfterEach
    void stop() {
        ACCESS_LOG.removeHandler(capture);
    }

    @Test
    void aLineNamesTheRouteTemplateAndTheRequestIdNeverThePathIdsOrTheQuery() {
        given().auth().oauth2(TestTokens.user("dhsc-reader", "DHSC", "department-reader"))
                .header("X-Request-Id", "access-log-1")
                .queryParam("access_token", "s3cr3t-in-the-query")
                .when().get("/api/v1/programmes/DHSC-ID-IN-PATH-42")
                .then().statusCode(404);
        given().header("X-Request-Id", "access-log-2").when().get("/api/v1/nothing-here/DHSC-ID-IN-PATH-43")
                .then().statusCode(404);

        String matched = lineWith("access-log-1");
        assertTrue(matched.contains("\"GET /api/v1/programmes/{code}\" 404"), matched);
        String unmatched = lineWith("access-log-2");
        assertTrue(unmatched.contains("\"GET -\" 404"), "no resource matched: no template, no path: " + unmatched);
        for (String line : lines) {
            assertFalse(line.contains("s3cr3t") || line.contains("ID-IN-PATH"), line);
        }
    }

    private String lineWith(String requestId) {
        // the line is written when the answer has gone: it may reach the log just after the client has it
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().filter(l -> l.contains("requestId=" + requestId)).findFirst().orElse(null),
                        line -> line != null);
    }
}
