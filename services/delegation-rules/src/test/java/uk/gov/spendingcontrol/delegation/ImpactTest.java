package uk.gov.spendingcontrol.delegation;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.delegation.Api.HMT;
import static uk.gov.spendingcontrol.delegation.Api.HMT_2;
import static uk.gov.spendingcontrol.delegation.Api.HMT_APPROVER;
import static uk.gov.spendingcontrol.delegation.Api.RULE_SETS;
import static uk.gov.spendingcontrol.delegation.Api.as;
import static uk.gov.spendingcontrol.delegation.Api.control;
import static uk.gov.spendingcontrol.delegation.Api.decide;
import static uk.gov.spendingcontrol.delegation.Api.editor;
import static uk.gov.spendingcontrol.delegation.Api.inForce;
import static uk.gov.spendingcontrol.delegation.Api.limit;
import static uk.gov.spendingcontrol.delegation.Api.newDepartment;
import static uk.gov.spendingcontrol.delegation.Api.postDraft;
import static uk.gov.spendingcontrol.delegation.Api.proposal;
import static uk.gov.spendingcontrol.delegation.Api.reader;
import static uk.gov.spendingcontrol.delegation.Api.rules;
import static uk.gov.spendingcontrol.delegation.Api.today;
import static uk.gov.spendingcontrol.delegation.Api.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The impact of a draft: recorded proposals replayed against it and against the version it would replace. */
@QuarkusTest
class ImpactTest {

    @Test
    void whichDecisionsWouldChangeHowAndTotalsByCategory() {
        String dept = newDepartment();
        String id = inForce(HMT, HMT_2, dept, "delegated-authority", "TREASURY", today(), rules(List.of(
                limit("capital", "CAPITAL_PROJECT", null, "50000000"),
                limit("resource", "RESOURCE_PROGRAMME", null, "20000000")), List.of(), List.of()));
        String capital10 = decide(editor(dept), proposal("CAPITAL_PROJECT", "10000000", "1", null, false)).path("id");
        String capital40 = decide(editor(dept), proposal("CAPITAL_PROJECT", "40000000", "1", null, false)).path("id");
        decide(editor(dept), proposal("CAPITAL_PROJECT", "60000000", "1", null, false));
        String resource25 = decide(editor(dept), proposal("RESOURCE_PROGRAMME", "25000000", "1", null, false)).path("id");
        decide(editor(dept), proposal("RESOURCE_PROGRAMME", "5000000", "1", null, false));
        // a look ahead is not a recorded proposal: not replayed
        decide(editor(dept), with(proposal("CAPITAL_PROJECT", "40000000", "1", null, false), "\"asAt\":\""
                + today().plusDays(3) + "\""));

        // the draft lowers the capital limit, raises the resource one and adds a spend control on capital
        ExtractableResponse<Response> draft = postDraft(HMT, id, today().plusDays(7), rules(List.of(
                limit("capital", "CAPITAL_PROJECT", null, "30000000"),
                limit("resource", "RESOURCE_PROGRAMME", null, "30000000")),
                List.of(control("capital-control", "CAPITAL_PROJECT", "5000000")), List.of()));
        assertEquals(201, draft.statusCode(), draft.asString());

        ExtractableResponse<Response> impact = as(HMT_APPROVER).queryParam("months", 1)
                .get(RULE_SETS + "/" + id + "/versions/2/impact").then().extract();
        assertEquals(200, impact.statusCode(), impact.asString());
        assertEquals(5, (int) impact.path("proposals"));
        assertEquals(1, (int) impact.path("replaces"));
        assertEquals(4, (int) impact.path("changed"));
        assertEquals(2, (int) impact.path("becomeCentral"), "capital 10m (the control) and 40m (the limit)");
        assertEquals(1, (int) impact.path("becomeDelegated"), "resource 25m");
        assertEquals(1, (int) impact.path("approvalsChange"), "capital 60m: Treasury, now also the control");
        assertEquals(Map.of("category", "CAPITAL_PROJECT", "proposals", 3, "changed", 3, "becomeCentral", 2,
                "becomeDelegated", 0, "approvalsChange", 1, "wholeLifeCostChanged", new BigDecimal("110000000.00")),
                impact.path("byCategory[0]"));
        assertEquals(new BigDecimal("25000000.00"), impact.path("byCategory[1].wholeLifeCostChanged"));
        assertEquals(List.of(capital10, capital40, impact.path("changes[2].decisionId"), resource25),
                impact.path("changes.decisionId"));
        assertEquals("WITHIN_DELEGATION", impact.path("changes[1].before.outcome"));
        assertEquals(List.of("CABINET_OFFICE:CAPITAL_PROJECT", "TREASURY"), impact.path("changes[1].after.approvals"));
        assertEquals(List.of("capital", "capital-control"), impact.path("changes[1].nowFiring"));
        assertEquals(List.of("TREASURY"), impact.path("changes[2].before.approvals"));
        assertEquals(List.of("resource"), impact.path("changes[3].noLongerFiring"));

        // the window, drafts only, central roles only
        assertEquals("months", as(HMT).queryParam("months", 37).get(RULE_SETS + "/" + id + "/versions/2/impact")
                .then().statusCode(400).extract().path("errors[0].field"));
        as(HMT).get(RULE_SETS + "/" + id + "/versions/1/impact").then().statusCode(409);
        as(reader(dept)).get(RULE_SETS + "/" + id + "/versions/2/impact").then().statusCode(403);
        as(HMT).get(RULE_SETS + "/" + id + "/versions/2/impact").then().statusCode(200).body("months", is(12));
    }
}
