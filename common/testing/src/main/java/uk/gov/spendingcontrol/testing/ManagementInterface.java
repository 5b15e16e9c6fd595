package uk.gov.spendingcontrol.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the application under test (health, metrics, OpenAPI): a port of its own, never the
 * public one. Tests set {@code %test.quarkus.management.test-port=0}; Quarkus then writes the port it took back into
 * {@code quarkus.management.test-port}.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The port the management interface listens on in this test run. */
    public static int port() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(0);
        if (port <= 0) {
            throw new IllegalStateException("the management interface is not enabled or its port is not known");
        }
        return port;
    }

    /** A REST Assured request to the management interface. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://localhost").port(port());
    }
}
