package uk.gov.spendingcontrol.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/** The access log names the request id, method, path, status and time, and never a token. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(BackendTestResource.class)
class AccessLogTest extends GatewayTestSupport {

    @Test
    void accessLogLineHasRequestIdMethodPathStatusAndNoToken() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("uk.gov.spendingcontrol.gateway.access-log");
        logger.addHandler(capture);
        try {
            String token = TestTokens.user("alice", "DHSC", "department-reader");
            given().header("Authorization", "Bearer " + token).header("X-Request-Id", "req-log-1")
                    .when().get("/api/v1/departments/DHSC?secret=q").then().statusCode(200);
            given().header("Authorization", "Bearer broken." + token).header("X-Request-Id", "req-log-2")
                    .when().get("/api/v1/departments/DHSC").then().statusCode(401);

            String ok = waitFor(lines, "req-log-1");
            String refused = waitFor(lines, "req-log-2");
            assertNotNull(ok, "access log line for req-log-1 in " + lines);
            assertNotNull(refused, "access log line for req-log-2 in " + lines);
            // the route template, never the path (ids) nor the query
            assertTrue(ok.contains("\"GET /api/v1/departments/*\" 200 "), ok);
            assertTrue(ok.matches(".*\\d+ms$"), "time taken: " + ok);
            assertTrue(refused.contains("\"GET /api/v1/departments/*\" 401 "), refused);
            for (String line : lines) {
                assertFalse(line.contains(token) || line.contains("Bearer") || line.contains("eyJ"), "token logged: " + line);
                assertFalse(line.contains("secret=q") || line.contains("DHSC"), "query or path logged: " + line);
            }
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static String waitFor(List<String> lines, String id) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            for (String line : lines) {
                if (line.startsWith(id + " ")) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }
}
