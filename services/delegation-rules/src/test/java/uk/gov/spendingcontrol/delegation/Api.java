package uk.gov.spendingcontrol.delegation;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.gov.spendingcontrol.common.feed.ChangeEvent;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.testing.TestTokens;

/** Tokens and request helpers shared by this module's tests. Money is read back as exact decimals. */
final class Api {

    static final String RULE_SETS = "/api/v1/delegation-rules/rule-sets";
    static final String DECISIONS = "/api/v1/delegation-rules/decisions";
    static final String APPROVALS = "/api/v1/delegation-rules/approvals";

    static final String CO = TestTokens.central("co-admin", "cabinet-office-admin");
    static final String CO_2 = TestTokens.central("co-admin-2", "cabinet-office-admin");
    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String HMT_2 = TestTokens.central("hmt-spending-2", "treasury-spending");
    static final String HMT_APPROVER = TestTokens.central("hmt-approver", "treasury-approver");
    static final String OPS = TestTokens.central("platform-ops", "platform-operator");

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    /** A department code no other test uses. */
    static String newDepartment() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
    }

    static String reader(String department) {
        return TestTokens.user(department.toLowerCase(Locale.ROOT) + "-reader", department, "department-reader");
    }

    static String editor(String department) {
        return TestTokens.user(department.toLowerCase(Locale.ROOT) + "-editor", department, "department-editor");
    }

    static String system(String department) {
        return TestTokens.user(department.toLowerCase(Locale.ROOT) + "-system", department, "department-system");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().config(DECIMALS);
    }

    static String limit(String id, String category, String stage, String wholeLife) {
        return "{\"id\":\"" + id + "\",\"category\":\"" + category + "\","
                + (stage == null ? "" : "\"stage\":\"" + stage + "\",") + "\"wholeLifeCost\":" + wholeLife + "}";
    }

    static String control(String id, String category, String wholeLife) {
        return "{\"id\":\"" + id + "\",\"category\":\"" + category + "\",\"wholeLifeCost\":" + wholeLife + "}";
    }

    static String condition(String id, String expression, String approver, String spendControl, String reason) {
        return "{\"id\":\"" + id + "\",\"expression\":\"" + expression.replace("\"", "\\\"") + "\",\"approver\":\""
                + approver + "\"," + (spendControl == null ? "" : "\"spendControl\":\"" + spendControl + "\",")
                + "\"reason\":\"" + reason + "\"}";
    }

    static String rules(List<String> limits, List<String> controls, List<String> conditions) {
        return "{\"limits\":[" + String.join(",", limits) + "],\"spendControls\":[" + String.join(",", controls)
                + "],\"conditions\":[" + String.join(",", conditions) + "]}";
    }

    static String draft(LocalDate effectiveFrom, String rules) {
        return "{\"effectiveFrom\":\"" + effectiveFrom + "\",\"note\":\"Test version\",\"rules\":" + rules + "}";
    }

    static String newRuleSet(String department, String name, String owner) {
        return "{\"department\":\"" + department + "\",\"name\":\"" + name + "\",\"title\":\"" + name + " of "
                + department + "\",\"owner\":\"" + owner + "\"}";
    }

    /** Creates a rule set; returns its id. */
    static String createRuleSet(String token, String department, String name, String owner) {
        return as(token).contentType(ContentType.JSON).body(newRuleSet(department, name, owner)).when().post(RULE_SETS)
                .then().statusCode(201).extract().path("id");
    }

    static ExtractableResponse<Response> postDraft(String token, String ruleSet, LocalDate effectiveFrom, String rules) {
        return as(token).contentType(ContentType.JSON).body(draft(effectiveFrom, rules)).when()
                .post(RULE_SETS + "/" + ruleSet + "/versions").then().extract();
    }

    static ExtractableResponse<Response> approve(String token, String ruleSet, int number, String etag) {
        RequestSpecification r = as(token);
        if (etag != null) {
            r.header("If-Match", etag);
        }
        return r.when().post(RULE_SETS + "/" + ruleSet + "/versions/" + number + "/approval").then().extract();
    }

    /** A rule set with one version drafted by the first administrator and approved by the second, in force then. */
    static String inForce(String maker, String checker, String department, String name, String owner,
            LocalDate effectiveFrom, String rules) {
        String id = createRuleSet(maker, department, name, owner);
        ExtractableResponse<Response> d = postDraft(maker, id, effectiveFrom, rules);
        if (d.statusCode() != 201) {
            throw new AssertionError("draft refused: " + d.asString());
        }
        int number = d.path("number");
        ExtractableResponse<Response> a = approve(checker, id, number, d.header("ETag"));
        if (a.statusCode() != 200) {
            throw new AssertionError("approval refused: " + a.asString());
        }
        return id;
    }

    static String proposal(String category, String wholeLife, String annual, String stage, boolean novel) {
        return "{\"category\":\"" + category + "\",\"wholeLifeCost\":" + wholeLife + ",\"annualCost\":" + annual + ","
                + (stage == null ? "" : "\"stage\":\"" + stage + "\",") + "\"novel\":" + novel
                + ",\"contentious\":false,\"repercussive\":false}";
    }

    /** Adds fields to a JSON object body. */
    static String with(String body, String fields) {
        return body.substring(0, body.length() - 1) + "," + fields + "}";
    }

    static ExtractableResponse<Response> decide(String token, String body) {
        return as(token).contentType(ContentType.JSON).body(body).when().post(DECISIONS).then().extract();
    }

    /** The change-feed events of one aggregate, oldest first. */
    static List<ChangeEvent> eventsOf(ChangeFeed feed, String department, String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> feed.read(0, 5000, department)).stream()
                .filter(e -> e.aggregateId().equals(aggregateId)).toList();
    }

    static String eventTypes(List<ChangeEvent> events) {
        return events.stream().map(ChangeEvent::type).collect(Collectors.joining(","));
    }
}
