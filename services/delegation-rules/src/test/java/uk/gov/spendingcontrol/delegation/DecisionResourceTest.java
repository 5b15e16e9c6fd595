package uk.gov.spendingcontrol.delegation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.spendingcontrol.delegation.Api.CO;
import static uk.gov.spendingcontrol.delegation.Api.DHSC_EDITOR;
import static uk.gov.spendingcontrol.delegation.Api.DHSC_READER;
import static uk.gov.spendingcontrol.delegation.Api.DHSC_SYSTEM;
import static uk.gov.spendingcontrol.delegation.Api.HMT;
import static uk.gov.spendingcontrol.delegation.Api.HMT_APPROVER;
import static uk.gov.spendingcontrol.delegation.Api.OPS;
import static uk.gov.spendingcontrol.delegation.Api.anonymous;
import static uk.gov.spendingcontrol.delegation.Api.as;
import static uk.gov.spendingcontrol.delegation.Api.create;
import static uk.gov.spendingcontrol.delegation.Api.delegation;
import static uk.gov.spendingcontrol.delegation.Api.put;
import static uk.gov.spendingcontrol.delegation.Api.rule;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * The decision endpoint, over HTTP, against the demo delegations (DHSC: capital £50m to the Treasury, digital £5m to a
 * Cabinet Office spend control...; DEFRA has no property rule) and departments set up here.
 */
@QuarkusTest
class DecisionResourceTest {

    static final String DECISIONS = "/api/v1/delegation-rules/decisions";

    static String spend(String department, String kind, String cost, boolean novel, boolean contentious,
            boolean repercussive) {
        return "{" + (department == null ? "" : "\"department\":\"" + department + "\",")
                + "\"kindOfSpend\":\"%s\",\"wholeLifeCost\":%s,\"novel\":%s,\"contentious\":%s,\"repercussive\":%s}"
                        .formatted(kind, cost, novel, contentious, repercussive);
    }

    static String plain(String kind, String cost) {
        return spend(null, kind, cost, false, false, false);
    }

    static ValidatableResponse decide(String token, String body) {
        return as(token).contentType(ContentType.JSON).body(body).when().post(DECISIONS).then();
    }

    @Test
    void withinTheThresholdTheDepartmentApprovesItself() {
        decide(DHSC_EDITOR, plain("CAPITAL_PROJECT", "42000000.00"))
                .statusCode(200)
                .body("department", is("DHSC"), "kindOfSpend", is("CAPITAL_PROJECT"),
                        "wholeLifeCost", is(new BigDecimal("42000000.00")),
                        "approvalNeeded", is("DEPARTMENT"), "decidedBy", is("WITHIN_THRESHOLD"),
                        "delegationVersion", is(1),
                        "rule.kindOfSpend", is("CAPITAL_PROJECT"), "rule.threshold", is(new BigDecimal("50000000.00")),
                        "rule.approverAbove", is("TREASURY"),
                        "explanation", containsString("£42,000,000.00 is within DHSC's delegated limit of £50,000,000.00"));
        // the threshold itself is still delegated
        decide(DHSC_READER, plain("CAPITAL_PROJECT", "50000000.00"))
                .statusCode(200).body("approvalNeeded", is("DEPARTMENT"));
    }

    @Test
    void aboveTheThresholdTheRulesApproverDecides() {
        decide(DHSC_SYSTEM, plain("CAPITAL_PROJECT", "50000000.01"))
                .statusCode(200)
                .body("approvalNeeded", is("TREASURY"), "decidedBy", is("ABOVE_THRESHOLD"),
                        "rule.threshold", is(new BigDecimal("50000000.00")), "delegationVersion", is(1),
                        "explanation", containsString("above DHSC's delegated limit"),
                        "explanation", containsString("Treasury approval"));
        decide(DHSC_READER, plain("CONSULTANCY", "600000.01"))
                .statusCode(200).body("approvalNeeded", is("CABINET_OFFICE_SPEND_CONTROL"),
                        "rule.kindOfSpend", is("CONSULTANCY"));
    }

    @Test
    void digitalAndTechnologyAboveItsThresholdGoesToACabinetOfficeSpendControl() {
        decide(DHSC_READER, plain("DIGITAL_AND_TECHNOLOGY", "5000000.01"))
                .statusCode(200)
                .body("approvalNeeded", is("CABINET_OFFICE_SPEND_CONTROL"), "decidedBy", is("ABOVE_THRESHOLD"),
                        "rule.kindOfSpend", is("DIGITAL_AND_TECHNOLOGY"), "rule.threshold", is(new BigDecimal("5000000.00")),
                        "explanation", containsString("Cabinet Office spend control"));
        decide(DHSC_READER, plain("DIGITAL_AND_TECHNOLOGY", "4999999.99"))
                .statusCode(200).body("approvalNeeded", is("DEPARTMENT"));
    }

    @Test
    void novelContentiousOrRepercussiveSpendAlwaysNeedsTheTreasury() {
        for (String body : List.of(
                spend(null, "CAPITAL_PROJECT", "1.00", true, false, false),
                spend(null, "CAPITAL_PROJECT", "1.00", false, true, false),
                spend(null, "CAPITAL_PROJECT", "1.00", false, false, true),
                spend(null, "DIGITAL_AND_TECHNOLOGY", "9000000", true, true, true),
                plain("NOVEL_CONTENTIOUS_REPERCUSSIVE", "0"))) {
            decide(DHSC_EDITOR, body)
                    .statusCode(200)
                    .body("approvalNeeded", is("TREASURY"), "decidedBy", is("NOVEL_CONTENTIOUS_REPERCUSSIVE"),
                            "rule", nullValue(), "delegationVersion", is(1),
                            "explanation", containsString("always needs Treasury approval"));
        }
        decide(DHSC_EDITOR, spend(null, "CAPITAL_PROJECT", "1.00", false, true, true))
                .body("explanation", containsString("The spend is contentious and repercussive"));
    }

    @Test
    void aKindOfSpendWithoutARuleNeedsTheTreasuryAsTheSafeDefault() {
        decide(HMT, spend("DEFRA", "PROPERTY", "1.00", false, false, false))
                .statusCode(200)
                .body("department", is("DEFRA"), "approvalNeeded", is("TREASURY"), "decidedBy", is("NO_RULE_FOR_KIND"),
                        "rule", nullValue(), "delegationVersion", is(1),
                        "explanation", containsString("no rule for PROPERTY"),
                        "explanation", containsString("safe default"));
        decide(CO, spend("mhclg", "PROPERTY", "1.00", false, false, false))
                .statusCode(200)
                .body("department", is("MHCLG"), "approvalNeeded", is("TREASURY"), "decidedBy", is("NO_DELEGATION"),
                        "delegationVersion", nullValue(), "explanation", containsString("MHCLG has no delegation"),
                        "explanation", containsString("safe default"));
    }

    @Test
    void theCurrentVersionDecides() {
        create(CO, "DESNZ", delegation("v1", rule("CAPITAL_PROJECT", "10000000", "TREASURY"))).statusCode(201);
        decide(HMT_APPROVER, spend("DESNZ", "CAPITAL_PROJECT", "15000000", false, false, false))
                .statusCode(200).body("approvalNeeded", is("TREASURY"), "delegationVersion", is(1));
        put(CO, "DESNZ", "\"1\"", delegation("v2", rule("CAPITAL_PROJECT", "20000000", "TREASURY")))
                .statusCode(200);
        decide(HMT_APPROVER, spend("DESNZ", "CAPITAL_PROJECT", "15000000", false, false, false))
                .statusCode(200).body("approvalNeeded", is("DEPARTMENT"), "delegationVersion", is(2),
                        "rule.threshold", is(new BigDecimal("20000000.00")));
    }

    @Test
    void departmentsDecideForThemselvesAndCentralRolesNameTheDepartment() {
        decide(DHSC_READER, spend("dhsc", "PROPERTY", "1", false, false, false))
                .statusCode(200).body("department", is("DHSC"));
        decide(DHSC_READER, spend("DEFRA", "PROPERTY", "1", false, false, false))
                .statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:not-found"), "instance", is(DECISIONS));
        decide(HMT, plain("PROPERTY", "1"))
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("department"));
        decide(HMT, spend("not a department", "PROPERTY", "1", false, false, false))
                .statusCode(400).body("errors.field", contains("department"));
        decide(TestTokens.user("dfe-system", "DFE", "department-system"), plain("CAPITAL_PROJECT", "30000000.01"))
                .statusCode(200).body("department", is("DFE"), "approvalNeeded", is("TREASURY"),
                        "rule.threshold", is(new BigDecimal("30000000.00")));
    }

    @Test
    void everyDepartmentAndCentralRoleMayAskButNotThePlatformTeam() {
        for (String token : List.of(DHSC_READER, DHSC_EDITOR, DHSC_SYSTEM)) {
            decide(token, plain("PROPERTY", "1")).statusCode(200).body("approvalNeeded", is("DEPARTMENT"));
        }
        for (String token : List.of(HMT, HMT_APPROVER, CO)) {
            decide(token, spend("DHSC", "PROPERTY", "1", false, false, false)).statusCode(200)
                    .body("approvalNeeded", is("DEPARTMENT"));
        }
        decide(OPS, spend("DHSC", "PROPERTY", "1", false, false, false))
                .statusCode(403).contentType("application/problem+json");
        anonymous().contentType(ContentType.JSON).body(plain("PROPERTY", "1")).when().post(DECISIONS)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anInvalidQuestionIsAProblemWithFieldErrors() {
        decide(DHSC_READER, "{\"kindOfSpend\":\"PROPERTY\",\"wholeLifeCost\":-1,\"contentious\":false,"
                + "\"repercussive\":false}")
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:validation"),
                        "errors.field", contains("novel", "wholeLifeCost"));
        decide(DHSC_READER, plain("SNACKS", "1"))
                .statusCode(400).body("errors.field", contains("kindOfSpend"));
        decide(DHSC_READER, plain("PROPERTY", "1.001"))
                .statusCode(400).body("errors.field", contains("wholeLifeCost"));
        decide(DHSC_READER, "{\"kindOfSpend\":\"PROPERTY\",\"wholeLifeCost\":\"lots\",\"novel\":false,"
                + "\"contentious\":false,\"repercussive\":false}")
                .statusCode(400).body("errors.field", contains("wholeLifeCost"), "detail", not(containsString("java")));
    }
}
