package uk.gov.spendingcontrol.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The gateway's own answers to a person on the web pages: a page with the request id, never JSON. */
class ProblemsPageTest {

    @Test
    void anUnavailableWebServiceIsAPageWithTheRequestId() {
        String page = Problems.page(Problems.unavailable("The web service is unavailable; try again later"), "req-1");
        assertTrue(page.startsWith("<!DOCTYPE html><html lang=\"en\">"), page);
        assertTrue(page.contains("<h1>Sorry, the service is unavailable</h1>"), page);
        assertTrue(page.contains("<code>req-1</code>"), page);
        assertFalse(page.contains("{"), "no JSON: " + page);
    }

    @Test
    void whatTheRequestBroughtIsEscaped() {
        String page = Problems.page(Problems.notFound("/<script>alert(1)</script>"), "<b>id</b>");
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&lt;script&gt;") && page.contains("&lt;b&gt;id&lt;/b&gt;"), page);
    }
}
