package uk.gov.spendingcontrol.web.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The signed double-submit token: a form passes with its browser's cookie and the server's signature, nothing else. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CsrfProtectionTest {

    private static final String COOKIE = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String OTHER_COOKIE = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    @ConfigProperty(name = "web.csrf.secret")
    String secret;

    @Test
    void theTokenOfTheBrowsersOwnCookiePasses() {
        String token = sign(COOKIE);
        given().redirects().follow(false).cookie(CsrfProtection.COOKIE, COOKIE)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", token).post("/sign-out")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/signed-out"));
        // multipart forms (uploads) are checked the same way
        given().redirects().follow(false).cookie(CsrfProtection.COOKIE, COOKIE)
                .multiPart("csrf", token).post("/sign-out").then().statusCode(303);
    }

    @Test
    void anotherBrowsersTokenOrNoCookieIsRefused() {
        given().cookie(CsrfProtection.COOKIE, OTHER_COOKIE).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", sign(COOKIE)).post("/sign-out").then().statusCode(403);
        given().contentType("application/x-www-form-urlencoded").formParam("csrf", sign(COOKIE)).post("/sign-out")
                .then().statusCode(403);
        // the cookie's value itself is not a token: only the server can sign it
        given().cookie(CsrfProtection.COOKIE, COOKIE).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", COOKIE).post("/sign-out").then().statusCode(403);
    }

    @Test
    void aShortSecretStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> new CsrfProtection("too-short"));
    }

    private String sign(String cookie) {
        // the same computation as the pages' forms, with the configured secret
        return new CsrfProtection(secret).formTokenFor(cookie);
    }

}
