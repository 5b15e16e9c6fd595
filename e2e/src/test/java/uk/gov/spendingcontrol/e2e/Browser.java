package uk.gov.spendingcontrol.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One real Chromium (Debian's, {@code /usr/bin/chromium}; Playwright downloads no browser) for the browser journeys:
 * a context per signed-in user (its own cookies), sign-in through the real Keycloak login page, axe-core run in the
 * page, screenshots into {@code e2e/target/screenshots/} (with {@code -Dsc.screenshots.write=true}: {@code docs/screenshots/},
 * the README's).
 */
final class Browser implements AutoCloseable {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Path screenshots;

    Browser(Path root) {
        this.playwright = Playwright.create();
        String executable = System.getProperty("e2e.chromium", "/usr/bin/chromium");
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(executable))
                .setHeadless(true)
                // as root (CI containers) Chromium refuses to start with its sandbox
                .setChromiumSandbox(false)
                .setArgs(List.of("--disable-dev-shm-usage")));
        // into the build's output, so that a test run leaves the clone clean; -Dsc.screenshots.write=true (after a change
        // to the pages) writes the README's copies in docs/screenshots instead
        this.screenshots = Boolean.getBoolean("sc.screenshots.write") ? root.resolve("docs/screenshots")
                : root.resolve("e2e/target/screenshots");
    }

    /** A fresh browser profile: no cookies, no session. */
    BrowserContext anonymous() {
        return chromium.newContext(new NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB")
                .setTimezoneId("Europe/London"));
    }

    /** A profile signed in as this demo user through the realm's login page (authorization code flow with PKCE). */
    BrowserContext signedIn(String user, String password) {
        BrowserContext context = anonymous();
        Page page = context.newPage();
        page.navigate(Suite.GATEWAY + "/sign-in");
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(Suite.GATEWAY + "/") && !url.contains("/sign-in"));
        page.close();
        return context;
    }

    /** axe-core in the page, WCAG 2.2 A and AA rules: no violation, or the test fails naming each one and where. */
    static void assertAccessible(Page page, String what) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), what + " (" + page.url() + ") has accessibility violations:\n"
                + violations.stream().map(v -> "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + "\n    "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining("\n    ")))
                        .collect(Collectors.joining("\n")));
    }

    /** A full-page screenshot: e2e/target/screenshots/NAME.png, or the README's docs/screenshots/NAME.png. */
    void screenshot(Page page, String name) {
        try {
            Files.createDirectories(screenshots);
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
