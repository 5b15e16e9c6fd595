package uk.gov.spendingcontrol.delegation;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.spendingcontrol.common.feed.ChangeEvent;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.testing.TestTokens;

/** Tokens and request helpers shared by this module's tests. Money is read back as exact decimals. */
final class Api {

    static final String CO = TestTokens.central("co-admin", "cabinet-office-admin");
    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String HMT_APPROVER = TestTokens.central("hmt-approver", "treasury-approver");
    static final String OPS = TestTokens.central("platform-ops", "platform-operator");
    static final String DHSC_READER = TestTokens.user("dhsc-reader", "DHSC", "department-reader");
    static final String DHSC_EDITOR = TestTokens.user("dhsc-editor", "DHSC", "department-editor");
    static final String DHSC_SYSTEM = TestTokens.user("dhsc-finance-system", "DHSC", "department-system");
    static final String DFE_READER = TestTokens.user("dfe-reader", "DFE", "department-reader");

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().config(DECIMALS);
    }

    /** A rule as JSON. */
    static String rule(String kind, String threshold, String approver) {
        return """
                {"kindOfSpend":"%s","threshold":%s,"approverAbove":"%s"}""".formatted(kind, threshold, approver);
    }

    /** A replacement body. */
    static String delegation(String reason, String... rules) {
        return "{\"reason\":\"" + reason + "\",\"rules\":[" + String.join(",", rules) + "]}";
    }

    /** Sets a department's first delegation (If-None-Match: *). */
    static ValidatableResponse create(String token, String department, String body) {
        return as(token).contentType(ContentType.JSON).body(body).header("If-None-Match", "*")
                .when().put("/api/v1/delegation-rules/" + department).then();
    }

    static ValidatableResponse put(String token, String department, String ifMatch, String body) {
        RequestSpecification r = as(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return r.when().put("/api/v1/delegation-rules/" + department).then();
    }

    /** The version numbers of a department's history, as a central role sees it. */
    static List<Integer> versionsOf(String department) {
        return as(HMT).queryParam("limit", 1000).when().get("/api/v1/delegation-rules/" + department + "/versions")
                .then().statusCode(200).extract().jsonPath().getList("items.version", Integer.class);
    }

    /** The change-feed events of a department's delegation, oldest first. */
    static List<ChangeEvent> eventsOf(ChangeFeed feed, String department) {
        return QuarkusTransaction.requiringNew().call(() -> feed.read(0, 5000, department)).stream()
                .filter(e -> e.aggregateType().equals("Delegation") && e.aggregateId().equals(department)).toList();
    }

    static String eventTypes(List<ChangeEvent> events) {
        return events.stream().map(ChangeEvent::type).collect(Collectors.joining(","));
    }
}
