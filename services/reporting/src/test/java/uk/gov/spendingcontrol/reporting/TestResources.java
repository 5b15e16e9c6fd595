package uk.gov.spendingcontrol.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.gov.spendingcontrol.testing.PostgresTestResource;

/** Every test of this module runs against a real PostgreSQL and the OIDC test server (declared once, globally). */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FeedServer.class)
public final class TestResources {
    private TestResources() {
    }
}
