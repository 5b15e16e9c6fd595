package uk.gov.spendingcontrol.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/**
 * Access tokens for service tests, shaped like the suite's Keycloak tokens (realm roles under
 * {@code realm_access.roles}, a {@code department} claim, audience {@code spending-control}) and signed with the key
 * of the OIDC test server ({@code OidcWiremockTestResource}), so the service validates them for real.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "spending-control";

    private TestTokens() {
    }

    /** A user of a department with the given realm roles. */
    public static String user(String username, String department, String... roles) {
        return build(username, department, AUDIENCE, roles);
    }

    /** A central user (Treasury, Cabinet Office, platform) with no department. */
    public static String central(String username, String... roles) {
        return build(username, null, AUDIENCE, roles);
    }

    /** A token for another audience: every service must refuse it. */
    public static String wrongAudience(String username, String department, String... roles) {
        return build(username, department, "some-other-api", roles);
    }

    private static String build(String username, String department, String audience, String... roles) {
        JwtClaimsBuilder b = Jwt.preferredUserName(username)
                .subject(username)
                .issuer(ISSUER)
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(600);
        if (department != null) {
            b.claim("department", department);
        }
        return b.jws().keyId("1").sign();
    }
}
