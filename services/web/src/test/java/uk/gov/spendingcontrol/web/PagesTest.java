package uk.gov.spendingcontrol.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web service on its own (no other service runs: their URLs point at a closed port): pages open to everyone, the
 * headers on every answer, sign-in redirects, error pages, static files. The journeys with the real suite and a real
 * browser are in e2e (WebJourneysTest).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PagesTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void theStartPageIsAGovukPageWithAStrictContentSecurityPolicy() {
        Response r = given().get("/");
        r.then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        String html = r.asString();
        assertTrue(html.contains("<html lang=\"en\" class=\"govuk-template"), html);
        assertTrue(html.contains("href=\"#main-content\" class=\"govuk-skip-link\""), "skip link");
        assertTrue(html.contains("<main class=\"govuk-main-wrapper\" id=\"main-content\">"), "main landmark");
        assertTrue(html.contains("<h1 class=\"govuk-heading-xl\">Spending Control</h1>"), html);
        assertFalse(INLINE_SCRIPT.matcher(html).find(), "no inline script: " + html);
        assertFalse(html.contains("style=\""), "no inline style");
    }

    @Test
    void aPathNothingServesIsTheGovukNotFoundPageWithTheRequestId() {
        Response r = given().header("X-Request-Id", "test-request-42").get("/no/such/page");
        r.then().statusCode(404).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        assertTrue(r.asString().contains("Page not found"), r.asString());
        assertTrue(r.asString().contains("<code class=\"sc-request-id\">test-request-42</code>"), r.asString());
        assertFalse(r.asString().contains("Exception"), "no stack trace");
    }

    @Test
    void aMalformedIdIsNotFoundWithoutAskingAService() {
        Response r = given().get("/published/not-a-plan");
        r.then().statusCode(404).contentType(startsWith("text/html"));
        assertTrue(r.asString().contains("Page not found"), r.asString());
    }

    @Test
    void aServiceThatIsDownIsTheUnavailablePageNeverJson() {
        // outcome-delivery-plan is configured at a closed port in the tests
        Response r = given().header("X-Request-Id", "down-1").get("/published");
        r.then().statusCode(503).contentType(startsWith("text/html"));
        assertTrue(r.asString().contains("Sorry, the service is unavailable"), r.asString());
        assertTrue(r.asString().contains("down-1"), r.asString());
        assertFalse(r.asString().trim().startsWith("{"), r.asString());
    }

    @Test
    void signedInPagesSendAnonymousVisitorsToSignInWithPkce() {
        for (String page : new String[] { "/department", "/department/returns/new", "/treasury", "/cabinet-office", "/sign-in" }) {
            Response r = given().redirects().follow(false).get(page);
            assertEquals(302, r.statusCode(), page);
            String location = r.header("Location");
            assertTrue(location.contains("response_type=code") && location.contains("redirect_uri=") && location.contains("sign-in%2Fcallback"), location);
            assertTrue(location.contains("code_challenge_method=S256") && location.contains("code_challenge="), location);
            String state = r.header("Set-Cookie");
            assertTrue(state.startsWith("q_auth_") && state.contains("HTTPOnly") && state.contains("SameSite=Lax"), state);
        }
    }

    @Test
    void aFormWithoutThisBrowsersCsrfTokenIsRefused() {
        Response r = given().contentType("application/x-www-form-urlencoded").formParam("csrf", "forged").post("/sign-out");
        r.then().statusCode(403).contentType(startsWith("text/html"));
        assertTrue(r.asString().contains("This form has expired"), r.asString());
        given().contentType("application/x-www-form-urlencoded").post("/sign-out").then().statusCode(403);
    }

    @Test
    void govukFontsAndImagesAreServedFromTheWebJarAndCached() {
        given().get("/assets/fonts/bold-b542beb274-v2.woff2").then().statusCode(200)
                .header("Cache-Control", "public, max-age=86400");
        given().get("/assets/rebrand/images/favicon.svg").then().statusCode(200);
        given().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").then().statusCode(200)
                .contentType(startsWith("text/css"));
        given().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200);
        given().get("/static/app.js").then().statusCode(200).body(containsString("initAll()"));
        given().get("/assets/../application.properties").then().statusCode(404);
    }

    @Test
    void theSignedOutAndAccessibilityPagesAreOpen() {
        given().get("/signed-out").then().statusCode(200).body(containsString("You have signed out"));
        given().get("/accessibility").then().statusCode(200).body(containsString("WCAG"));
        given().get("/").then().body(not(containsString("Sign out")));
        given().get("/").then().header("X-Request-Id", not(equalTo("")));
    }
}
