package uk.gov.spendingcontrol.odp;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.gov.spendingcontrol.testing.PostgresTestResource;

/** Every test of this module runs against a real PostgreSQL and the OIDC test server (declared once, globally). */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
