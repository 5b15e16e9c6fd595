package uk.gov.spendingcontrol.budget;

import io.quarkus.test.junit.QuarkusTest;
import uk.gov.spendingcontrol.testing.ServicePlatformTests;

/** Health, metrics, request ids, the error model for unknown paths, and the committed OpenAPI document. */
@QuarkusTest
class PlatformTest extends ServicePlatformTests {
    PlatformTest() {
        super("budget");
    }
}
