package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;
import uk.gov.spendingcontrol.testing.TestTokens;

/** Tokens and plans shared by the tests. */
final class Fixtures {

    static final String PLANS = "/api/v1/outcome-delivery-plans";
    static final String PUBLISHED = "/api/v1/published/outcome-delivery-plans";

    static final String DHSC_EDITOR = TestTokens.user("dhsc-editor", "DHSC", "department-editor");
    static final String DHSC_EDITOR_2 = TestTokens.user("dhsc-editor-2", "DHSC", "department-editor");
    static final String DHSC_READER = TestTokens.user("dhsc-reader", "DHSC", "department-reader");
    static final String DHSC_SYSTEM = TestTokens.user("dhsc-finance-system", "DHSC", "department-system");
    static final String DFE_EDITOR = TestTokens.user("dfe-editor", "DFE", "department-editor");
    static final String DFE_READER = TestTokens.user("dfe-reader", "DFE", "department-reader");
    static final String DEFRA_EDITOR = TestTokens.user("defra-editor", "DEFRA", "department-editor");
    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String HMT_APPROVER = TestTokens.central("hmt-approver", "treasury-approver");
    static final String CO_ADMIN = TestTokens.central("co-admin", "cabinet-office-admin");
    static final String OPS = TestTokens.central("platform-ops", "platform-operator");
    /** A department-editor whose token carries no department claim. */
    static final String EDITOR_WITHOUT_DEPARTMENT = TestTokens.central("stray-editor", "department-editor");

    /** Each test takes financial years of its own, far from the demo data's 2026-27. */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2040);

    private Fixtures() {
    }

    static String newYear() {
        int start = NEXT_YEAR.getAndIncrement();
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    static String minimal(String year, String title) {
        return """
                {"financialYear":"%s","title":"%s","summary":"What we will deliver"}""".formatted(year, title);
    }

    /** A plan that can be published: one outcome with one metric, and an enabler commitment. */
    static String complete(String year, String title) {
        return """
                {"financialYear":"%s","title":"%s","summary":"What we will deliver",
                 "priorityOutcomes":[{"title":"Improve healthy life expectancy","description":"Prevent ill health",
                   "crossCuttingOutcomeId":"7b0c3a52-1f0e-4d1e-9a0b-0c6f1d2e3a4b",
                   "metrics":[{"name":"Healthy life expectancy at birth","unit":"years",
                     "baselineValue":61.7,"baselineDate":"2023-12-31","targetValue":62.5,"targetDate":"2030-12-31"}]}],
                 "strategicEnablers":[{"enabler":"SUSTAINABILITY","commitment":"Cut estate emissions by 10%%"},
                   {"enabler":"WORKFORCE_SKILLS_LOCATION","commitment":"Grow the Leeds hub"}]}"""
                .formatted(year, title);
    }

    /** Creates a plan and returns its id. */
    static String create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(PLANS)
                .then().statusCode(201).extract().path("id");
    }

    static void publish(String token, String id) {
        String etag = given().auth().oauth2(token).when().get(PLANS + "/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(token).header("If-Match", etag).when().post(PLANS + "/" + id + "/publication")
                .then().statusCode(200);
    }
}
