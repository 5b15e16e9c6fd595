package uk.gov.spendingcontrol.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;

/** What the gateway's {@code @QuarkusTest}s share: REST Assured on the gateway's public port, and the backend's view. */
abstract class GatewayTestSupport {

    @Inject
    Gateway gateway;

    @BeforeEach
    void onTheGatewaysPort() {
        RestAssured.port = gateway.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    /** Whether a request with this id reached the backend. */
    static boolean backendSaw(String requestId) {
        return given().baseUri(backend()).port(-1).when().get("/__seen/" + requestId).statusCode() == 204;
    }

    static String backend() {
        return ConfigProvider.getConfig().getValue("test.backend.url", String.class);
    }
}
