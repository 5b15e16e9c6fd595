package uk.gov.spendingcontrol.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The web pages in a real Chromium against the real suite (scripts/suite.sh, real Keycloak sign-in through its login
 * page), one journey per user group: the public, a department (a return with errors, then a corrected one, while
 * another member of the department watches the home page update live), the Treasury (confirms it, by keyboard) and the
 * Cabinet Office ("does this need approval?", a draft's impact, approval by a second administrator). axe-core checks
 * every page it visits; screenshots go to docs/screenshots/ for the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneysTest {

    private static final String PASSWORD = "local-dev-only";
    private static final String YEAR = "2026-27";

    private final Suite suite = new Suite();
    private Set<Long> suitePids = Set.of();
    private Browser browser;
    private String returnId;

    @RegisterExtension
    final TestWatcher logsOnFailure = suite.logsOnFailure();

    @BeforeAll
    void start() throws IOException {
        suitePids = suite.upForTest();
        // the machines that run this are shared and slow: Playwright's waits (never sleeps) get 30 s
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        browser = new Browser(suite.root);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (!Boolean.getBoolean("e2e.keepSuite")) {   // a developer's loop: -De2e.keepSuite=true leaves it running
            suite.downForTest(suitePids);
        }
    }

    // ------------------------------------------------------------------ the public, no sign-in

    @Test
    @Order(1)
    void thePublicSeesTheStartPageAndPublishedPlansWithoutSigningIn() {
        try (BrowserContext context = browser.anonymous()) {
            Page page = context.newPage();
            Response start = page.navigate(Suite.GATEWAY + "/");
            assertEquals(200, start.status());
            assertThat(page.locator("h1")).hasText("Spending Control");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            String csp = start.headerValue("content-security-policy");
            assertNotNull(csp, "every page has a Content-Security-Policy");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertEquals(0, page.locator("script:not([src])").count(), "no inline script on the page");
            assertThat(page.locator("body")).hasClass(Pattern.compile("govuk-frontend-supported"));
            Browser.assertAccessible(page, "the start page");
            browser.screenshot(page, "start");

            // by keyboard: the first Tab reaches the skip link, Enter moves to the main content
            page.keyboard().press("Tab");
            assertEquals("Skip to main content", page.evaluate("document.activeElement.textContent").toString().trim());
            page.keyboard().press("Enter");
            assertTrue(page.url().endsWith("#main-content"), page.url());

            page.navigate(Suite.GATEWAY + "/published");
            assertThat(page.locator("h1")).hasText("Published Outcome Delivery Plans");
            Browser.assertAccessible(page, "published plans");
            browser.screenshot(page, "published-plans");

            // a signed-in page sends an anonymous visitor to the realm's login page, never shows data
            page.navigate(Suite.GATEWAY + "/treasury");
            assertThat(page.locator("#kc-login")).isVisible();
        }
    }

    @Test
    @Order(2)
    void errorsArePagesWithTheRequestIdNeverJson() {
        try (BrowserContext context = browser.anonymous()) {
            Page page = context.newPage();
            Response missing = page.navigate(Suite.GATEWAY + "/no-such-page");
            assertEquals(404, missing.status());
            assertTrue(missing.headerValue("content-type").startsWith("text/html"), missing.headerValue("content-type"));
            assertThat(page.locator("h1")).hasText("Page not found");
            assertThat(page.locator(".sc-request-id")).hasText(missing.headerValue("x-request-id"));
            Browser.assertAccessible(page, "the 404 page");
            browser.screenshot(page, "error-404");

            Response badId = page.navigate(Suite.GATEWAY + "/published/not-a-uuid");
            assertEquals(404, badId.status());
            assertThat(page.locator("h1")).hasText("Page not found");
        }
        try (BrowserContext context = browser.signedIn("dhsc-reader", PASSWORD)) {
            Page page = context.newPage();
            Response forbidden = page.navigate(Suite.GATEWAY + "/treasury");
            assertEquals(403, forbidden.status());
            assertThat(page.locator("h1")).hasText("You do not have permission to see this page");
            assertThat(page.locator(".sc-request-id")).hasText(forbidden.headerValue("x-request-id"));
            Browser.assertAccessible(page, "the 403 page");
        }
        try (BrowserContext context = browser.signedIn("dhsc-editor", PASSWORD)) {
            Page page = context.newPage();
            page.navigate(Suite.GATEWAY + "/department/returns/new");
            // a form post without this browser's CSRF token is refused before any service is called
            APIResponse forged = page.request().post(Suite.GATEWAY + "/department/returns",
                    com.microsoft.playwright.options.RequestOptions.create().setMultipart(
                            com.microsoft.playwright.options.FormData.create().set("financialYear", YEAR).set("period", "7")
                                    .set("csrf", "forged")));
            assertEquals(403, forged.status());
            assertTrue(forged.text().contains("This form has expired"), forged.text());
            assertFalse(forged.text().trim().startsWith("{"), "an error is a page, not JSON");
        }
    }

    // ------------------------------------------------------------------ a department, and the Treasury

    @Test
    @Order(3)
    void aDepartmentUploadsAReturnWithErrorsThenACorrectedOneWhileItsHomePageUpdatesLive() throws IOException {
        try (BrowserContext watcherContext = browser.signedIn("dhsc-reader", PASSWORD);
                BrowserContext editorContext = browser.signedIn("dhsc-editor", PASSWORD)) {
            // another member of the department keeps the home page open
            Page home = watcherContext.newPage();
            home.navigate(Suite.GATEWAY + "/department?financialYear=" + YEAR);
            assertThat(home.locator("h1")).hasText("Spending against control totals");
            Locator programmeRow = home.locator("[data-testid=boundaries] tbody tr", new Page.LocatorOptions()
                    .setHasText("Resource DEL (programme)"));
            assertThat(programmeRow.locator("td").nth(0)).hasText("£201,600,000,000");
            assertThat(programmeRow.locator("td").nth(2)).hasText("£0");
            assertThat(home.locator("canvas")).hasCount(1);   // the chart, drawn from the table
            assertThat(home.locator("body")).hasAttribute("data-live-updates", Pattern.compile("[1-9][0-9]*"));
            Browser.assertAccessible(home, "a department's home page");

            Page page = editorContext.newPage();
            page.navigate(Suite.GATEWAY + "/department/returns/new");
            assertThat(page.locator("h1")).hasText("Submit a monthly return");

            // the template: the five columns and a line per programme and boundary
            Download download = page.waitForDownload(() -> page.getByText("Download a template with your programmes").click());
            String template = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertTrue(template.startsWith("programme,boundary,period,kind,amount\n"), template);
            assertTrue(template.contains("DHSC-ELECTIVE-RECOVERY,RESOURCE_DEL_PROGRAMME,1,OUTTURN,"), template);

            // first a return with mistakes: the error summary says rule, line and field, and nothing is saved
            page.locator("#financialYear").fill(YEAR);
            page.locator("#period").fill("7");
            page.locator("#file").setInputFiles(csv("dhsc-return-with-errors.csv", """
                    programme,boundary,period,kind,amount
                    DHSC-ELECTIVE-RECOVERY,RESOURCE_DEL_PROGRAMME,1,OUTTURN,12.345
                    DHSC-NO-SUCH-PROGRAMME,RESOURCE_DEL_PROGRAMME,1,OUTTURN,100.00
                    DHSC-ELECTIVE-RECOVERY,RESOURCE_DEL_PROGRAMME,2,OUTTURN,100.00
                    DHSC-ELECTIVE-RECOVERY,RESOURCE_DEL_PROGRAMME,2,OUTTURN,100.00
                    """));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit return")).click();
            Locator summary = page.locator("[data-testid=error-summary]");
            assertThat(summary).isVisible();
            assertThat(summary).containsText("There is a problem");
            assertThat(summary).containsText("R005: Line 1, amount:");
            assertThat(summary).containsText("R001: Line 2, programme:");
            assertThat(summary).containsText("R006: Line 4");
            assertThat(page).hasTitle(Pattern.compile("^Error: "));
            // every summary item links to the field it is about (the file input), which says so too
            for (String href : summary.locator("a").all().stream().map(a -> a.getAttribute("href")).toList()) {
                assertEquals("#file", href);
            }
            assertThat(page.locator("#file-error")).containsText("The file has 3 problems");
            Locator findings = page.locator("[data-testid=findings] tbody tr");
            assertThat(findings).hasCount(3);
            Locator first = findings.nth(0).locator("td");
            assertThat(first.nth(0)).hasText("R005");
            assertThat(first.nth(1)).hasText("1");
            assertThat(first.nth(2)).hasText("amount");
            assertThat(first.nth(3)).containsText("12.345");
            // the values typed are kept; the GOV.UK error summary has taken the focus
            assertThat(page.locator("#financialYear")).hasValue(YEAR);
            assertThat(page.locator("#period")).hasValue("7");
            assertThat(page.locator(".govuk-error-summary")).isFocused();
            Browser.assertAccessible(page, "the return form with errors");
            browser.screenshot(page, "department-return-errors");
            // nothing was written: the open home page still shows no forecast
            assertThat(programmeRow.locator("td").nth(2)).hasText("£0");

            // then the corrected return: outturn for periods 1-7, forecast for 8-12
            StringBuilder corrected = new StringBuilder("programme,boundary,period,kind,amount\n");
            for (int p = 1; p <= 12; p++) {
                corrected.append("DHSC-ELECTIVE-RECOVERY,RESOURCE_DEL_PROGRAMME,").append(p)
                        .append(p <= 7 ? ",OUTTURN,600000000.00\n" : ",FORECAST,700000000.00\n");
            }
            page.locator("#file").setInputFiles(csv("dhsc-return.csv", corrected.toString()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit return")).click();
            assertThat(page.locator(".govuk-panel__title")).hasText("Return submitted");
            // accepted: when the browser received the service's answer to the upload (the 303 to this page)
            long acceptedAt = ((Number) page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                    + " return Math.round(performance.timeOrigin + (n.redirectEnd || n.fetchStart)); })()")).longValue();
            assertThat(page.locator("[data-testid=return-status]")).hasText("Submitted");
            returnId = page.url().substring(page.url().lastIndexOf('/') + 1);
            Browser.assertAccessible(page, "the return's confirmation");
            browser.screenshot(page, "department-return-submitted");

            // the open home page shows the new forecast without a reload: 7 x £600m + 5 x £700m
            assertThat(programmeRow.locator("td").nth(2)).hasText("£7,700,000,000");
            assertThat(programmeRow.locator("td").nth(3)).hasText("£4,200,000,000");
            assertThat(home.locator("[data-testid=freshness]")).containsText("not yet reviewed by the Treasury");
            long updatedAt = Long.parseLong(home.locator("body").getAttribute("data-last-update-at"));
            System.out.println("MEASURE return accepted -> figure changed on an open page: " + (updatedAt - acceptedAt) + " ms");
            Browser.assertAccessible(home, "a department's home page after a live update");
            browser.screenshot(home, "department-home");

            // the Treasury confirms it, by keyboard; the department's open page says so, live
            try (BrowserContext treasury = browser.signedIn("hmt-spending", PASSWORD)) {
                Page hmt = treasury.newPage();
                hmt.navigate(Suite.GATEWAY + "/treasury?financialYear=" + YEAR);
                assertThat(hmt.locator("h1")).hasText("Spending across government");
                assertThat(hmt.locator("[data-testid=government] tbody tr").first()).isVisible();
                assertThat(hmt.locator("[data-testid=government]")).containsText("DHSC");
                Browser.assertAccessible(hmt, "the Treasury's overview");
                browser.screenshot(hmt, "treasury-home");
                hmt.locator("[data-testid=returns] a[href$='" + returnId + "']").click();
                assertThat(hmt.locator("h1")).hasText("Return " + YEAR + ", period 7, version 1");

                // sent without a decision: the error summary, focused, links to the first radio
                hmt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send review")).click();
                assertThat(hmt.locator(".govuk-error-summary")).isFocused();
                assertThat(hmt.locator(".govuk-error-summary")).containsText("Select whether to confirm or reject the return");
                Browser.assertAccessible(hmt, "the review form with an error");
                browser.screenshot(hmt, "treasury-review-error");
                hmt.keyboard().press("Tab");
                assertEquals("#decision", hmt.evaluate("document.activeElement.getAttribute('href')"));
                hmt.keyboard().press("Enter");
                assertEquals("decision", hmt.evaluate("document.activeElement.id"));
                hmt.keyboard().press("Space");
                assertThat(hmt.locator("#decision")).isChecked();
                hmt.keyboard().press("Tab");
                assertEquals("comment", hmt.evaluate("document.activeElement.id"));
                hmt.keyboard().type("Agrees with the department's ledger");
                hmt.keyboard().press("Tab");
                assertEquals("Send review", hmt.evaluate("document.activeElement.textContent").toString().trim());
                hmt.keyboard().press("Enter");
                assertThat(hmt.locator("[data-testid=return-status]")).hasText("Confirmed");
                assertThat(hmt.locator("[data-testid=return-summary]")).containsText("Agrees with the department's ledger");
            }
            assertThat(home.locator("[data-testid=freshness]")).containsText("confirmed by the Treasury");
        }
    }

    // ------------------------------------------------------------------ the Cabinet Office

    @Test
    @Order(4)
    void theCabinetOfficeAsksWhetherSpendingNeedsApprovalAndApprovesAColleaguesDraft() {
        String ruleSetUrl;
        String versionUrl;
        try (BrowserContext context = browser.signedIn("co-admin", PASSWORD)) {
            Page page = context.newPage();
            page.navigate(Suite.GATEWAY + "/cabinet-office");
            assertThat(page.locator("h1")).hasText("Does this need approval?");
            Browser.assertAccessible(page, "the Cabinet Office's start page");
            browser.screenshot(page, "cabinet-office-home");

            // nothing filled in: every mistake is in the summary, linked to its field
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
            Locator summary = page.locator(".govuk-error-summary");
            assertThat(summary).isFocused();
            assertThat(summary.locator("a")).hasText(new String[] { "Select the department", "Select the kind of spending",
                    "Enter the whole-life cost in pounds, like 12500000 or 12500000.50",
                    "Enter the annual cost in pounds, like 2500000" });
            assertEquals(List.of("#department", "#category", "#wholeLifeCost", "#annualCost"),
                    summary.locator("a").all().stream().map(a -> a.getAttribute("href")).toList());
            Browser.assertAccessible(page, "the approval question with errors");

            page.locator("#department").selectOption("DHSC");
            page.locator("#category").selectOption("DIGITAL_AND_TECHNOLOGY");
            page.locator("#wholeLifeCost").fill("60,000,000");
            page.locator("#annualCost").fill("12000000");
            page.locator("#novel").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
            assertThat(page.locator("[data-testid=decision-outcome]")).hasText("This needs approval");
            assertThat(page.locator("[data-testid=fired-rules] li").first()).isVisible();
            assertThat(page.locator("main")).containsText("Treasury");
            assertThat(page.locator("main")).containsText("Cabinet office");
            Browser.assertAccessible(page, "an explained answer");
            browser.screenshot(page, "cabinet-office-decision");

            // DHSC's spend controls: a draft with a lower threshold, from tomorrow
            page.navigate(Suite.GATEWAY + "/cabinet-office");
            page.locator("[data-testid=rule-sets] tr", new Page.LocatorOptions().setHasText("DHSC Cabinet Office spend controls"))
                    .locator("a").click();
            ruleSetUrl = page.url();
            Locator threshold = page.locator("input[id^=rule-]").first();
            threshold.fill("1000");
            page.locator("#effectiveFrom").fill(LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString());
            page.locator("#note").fill("Lower digital threshold (e2e)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
            assertThat(page.locator("[data-testid=version-status]")).hasText("Draft");
            assertThat(page.locator("[data-testid=impact]")).containsText("would be decided differently");
            assertThat(page.locator("[data-testid=thresholds]")).containsText("£1,000");
            versionUrl = page.url();
            Browser.assertAccessible(page, "a draft and its impact");
            browser.screenshot(page, "cabinet-office-draft");

            // its maker may not approve it: the service says why, on the page
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve this draft")).click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.locator("[data-testid=version-status]")).hasText("Draft");
            Browser.assertAccessible(page, "a refused approval");
        }
        try (BrowserContext context = browser.signedIn("co-admin-2", PASSWORD)) {
            Page page = context.newPage();
            page.navigate(versionUrl);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve this draft")).click();
            assertThat(page.locator("[data-testid=version-status]")).hasText("Approved");
            assertThat(page.locator("main")).containsText("co-admin-2");
            page.navigate(ruleSetUrl);
            assertThat(page.locator("main")).containsText("Lower digital threshold (e2e)");
        }
    }

    @Test
    @Order(5)
    void signingOutEndsTheKeycloakSessionToo() {
        try (BrowserContext context = browser.signedIn("dhsc-reader", PASSWORD)) {
            Page page = context.newPage();
            page.navigate(Suite.GATEWAY + "/department");
            assertThat(page.locator("h1")).hasText("Spending against control totals");
            // the session cookie is HttpOnly: the page's JavaScript cannot read any token
            String visibleToScript = page.evaluate("document.cookie").toString();
            assertFalse(visibleToScript.contains("q_session") || visibleToScript.contains("eyJ"), visibleToScript);
            assertTrue(context.cookies().stream().filter(c -> c.name.startsWith("q_session")).allMatch(c -> c.httpOnly),
                    "session cookies are HttpOnly");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.locator("h1")).hasText("You have signed out");
            Browser.assertAccessible(page, "the signed-out page");
            // signing in again asks for the password: Keycloak's session has ended as well
            page.navigate(Suite.GATEWAY + "/department");
            assertThat(page.locator("#kc-login")).isVisible();
        }
    }

    private static FilePayload csv(String name, String content) {
        return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
