package uk.gov.spendingcontrol.delegation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.delegation.Api.CO;
import static uk.gov.spendingcontrol.delegation.Api.CO_2;
import static uk.gov.spendingcontrol.delegation.Api.HMT;
import static uk.gov.spendingcontrol.delegation.Api.HMT_2;
import static uk.gov.spendingcontrol.delegation.Api.HMT_APPROVER;
import static uk.gov.spendingcontrol.delegation.Api.OPS;
import static uk.gov.spendingcontrol.delegation.Api.RULE_SETS;
import static uk.gov.spendingcontrol.delegation.Api.anonymous;
import static uk.gov.spendingcontrol.delegation.Api.approve;
import static uk.gov.spendingcontrol.delegation.Api.as;
import static uk.gov.spendingcontrol.delegation.Api.condition;
import static uk.gov.spendingcontrol.delegation.Api.control;
import static uk.gov.spendingcontrol.delegation.Api.createRuleSet;
import static uk.gov.spendingcontrol.delegation.Api.draft;
import static uk.gov.spendingcontrol.delegation.Api.eventTypes;
import static uk.gov.spendingcontrol.delegation.Api.eventsOf;
import static uk.gov.spendingcontrol.delegation.Api.limit;
import static uk.gov.spendingcontrol.delegation.Api.newDepartment;
import static uk.gov.spendingcontrol.delegation.Api.newRuleSet;
import static uk.gov.spendingcontrol.delegation.Api.postDraft;
import static uk.gov.spendingcontrol.delegation.Api.reader;
import static uk.gov.spendingcontrol.delegation.Api.rules;
import static uk.gov.spendingcontrol.delegation.Api.today;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.testing.TestTokens;

/** Rule sets: versions, effective dates, maker and checker, diffs, owners, access. Each test has its own department. */
@QuarkusTest
class RuleSetsTest {

    static final String HMT_3 = TestTokens.central("hmt-spending-3", "treasury-spending");

    @Inject
    ChangeFeed feed;

    @Inject
    AgroalDataSource db;

    static final String V1 = rules(List.of(limit("capital", "CAPITAL_PROJECT", null, "50000000"),
            limit("resource", "RESOURCE_PROGRAMME", null, "40000000")), List.of(), List.of());

    @Test
    void aDraftIsApprovedByAnotherAdministratorOnlyAndNeverChangesAfterwards() throws Exception {
        String dept = newDepartment();
        String id = createRuleSet(HMT, dept, "delegated-authority", "TREASURY");
        ExtractableResponse<Response> d = postDraft(HMT, id, today(), V1);
        assertEquals(201, d.statusCode(), d.asString());
        assertEquals("\"1\"", d.header("ETag"));
        assertEquals(RULE_SETS + "/" + id + "/versions/1", new java.net.URI(d.header("Location")).getPath());
        assertEquals("DRAFT", d.path("status"));
        assertEquals(List.of("hmt-spending"), d.path("makers"));
        assertEquals(new BigDecimal("50000000.00"), d.path("rules.limits[0].wholeLifeCost"));
        assertEquals("TREASURY", d.path("rules.limits[0].approver"), "the default approver of a limit is stored");

        // the maker cannot approve their own draft; the Cabinet Office does not manage a Treasury rule set
        ExtractableResponse<Response> own = approve(HMT, id, 1, "\"1\"");
        assertEquals(403, own.statusCode());
        assertEquals("application/problem+json", own.contentType());
        assertEquals(true, own.<String>path("detail").contains("maker and checker"), own.asString());
        assertEquals(403, approve(CO, id, 1, "\"1\"").statusCode());
        assertEquals(403, approve(HMT_APPROVER, id, 1, "\"1\"").statusCode(), "approvers of proposals are not checkers");
        // the checker must name the revision they read
        assertEquals(428, approve(HMT_2, id, 1, null).statusCode());
        assertEquals(412, approve(HMT_2, id, 1, "\"7\"").statusCode());
        assertEquals("DRAFT", as(HMT).get(RULE_SETS + "/" + id + "/versions/1").path("status"), "nothing written");

        ExtractableResponse<Response> ok = approve(HMT_2, id, 1, "\"1\"");
        assertEquals(200, ok.statusCode(), ok.asString());
        assertEquals("APPROVED", ok.path("status"));
        assertEquals("hmt-spending-2", ok.path("approvedBy"));
        assertEquals("hmt-spending", ok.path("draftedBy"));
        as(HMT).get(RULE_SETS + "/" + id).then().statusCode(200).body("inForce.version", is(1))
                .body("inForce.effectiveFrom", is(today().toString())).body("draft", nullValue());

        // an approved version is never edited, approved again or withdrawn
        as(HMT_2).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(draft(today().plusDays(5), V1))
                .put(RULE_SETS + "/" + id + "/versions/1").then().statusCode(409)
                .body("detail", containsString("an approved version never changes"));
        assertEquals(409, as(HMT).header("If-Match", "\"1\"").post(RULE_SETS + "/" + id + "/versions/1/withdrawal")
                .statusCode());
        // nor in the database
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE delegation.rule_set_version SET note = 'x' WHERE rule_set_id = ?::uuid")) {
            s.setString(1, id);
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, s::executeUpdate);
        }

        // versions take effect in order: not on or before the last approved one's day
        String v2 = rules(List.of(limit("capital", "CAPITAL_PROJECT", null, "60000000"),
                limit("capital-soc", "CAPITAL_PROJECT", "STRATEGIC_OUTLINE_CASE", "20000000")),
                List.of(control("consultancy", "CONSULTANCY", "600000")), List.of());
        ExtractableResponse<Response> sameDay = postDraft(HMT, id, today(), v2);
        assertEquals(422, sameDay.statusCode());
        assertEquals("effectiveFrom", sameDay.path("errors[0].field"));
        assertEquals("AfterLastApproved", sameDay.path("errors[0].code"));

        ExtractableResponse<Response> d2 = postDraft(HMT, id, today().plusDays(30), v2);
        assertEquals(201, d2.statusCode(), d2.asString());
        assertEquals(409, postDraft(HMT_2, id, today().plusDays(40), v2).statusCode(), "one open draft at a time");
        // another administrator edits it: both are now makers, so neither may approve it
        ExtractableResponse<Response> edited = as(HMT_2).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(draft(today().plusDays(31), v2)).put(RULE_SETS + "/" + id + "/versions/2").then().extract();
        assertEquals(200, edited.statusCode(), edited.asString());
        assertEquals("\"2\"", edited.header("ETag"));
        assertEquals(List.of("hmt-spending", "hmt-spending-2"), edited.path("makers"));
        assertEquals(412, as(HMT).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(draft(today().plusDays(32), v2)).put(RULE_SETS + "/" + id + "/versions/2").statusCode(),
                "a concurrent edit is detected");
        assertEquals(403, approve(HMT, id, 2, "\"2\"").statusCode());
        assertEquals(403, approve(HMT_2, id, 2, "\"2\"").statusCode());

        // the diff from the version it replaces
        as(HMT).get(RULE_SETS + "/" + id + "/versions/2/diff").then().statusCode(200)
                .body("from", is(1)).body("version", is(2))
                .body("added.id", contains("capital-soc", "consultancy"))
                .body("removed.id", contains("resource"))
                .body("changed.id", contains("capital"))
                .body("changed[0].fields", contains("wholeLifeCost"))
                .body("changed[0].before.wholeLifeCost", is(new BigDecimal("50000000.00")))
                .body("changed[0].after.wholeLifeCost", is(new BigDecimal("60000000.00")));

        assertEquals(200, approve(HMT_3, id, 2, "\"2\"").statusCode());
        // today, version 1 is still in force; version 2 from its effective date
        as(reader(dept)).get(RULE_SETS + "/" + id).then().statusCode(200).body("inForce.version", is(1));
        as(reader(dept)).get(RULE_SETS + "/" + id + "/versions").then().statusCode(200)
                .body("items.number", contains(1, 2)).body("items.approvedBy", contains("hmt-spending-2",
                        "hmt-spending-3")).body("items.replaces", contains(null, 1));
        assertEquals("RuleSetCreated,RuleSetVersionDrafted,RuleSetVersionApproved,RuleSetVersionDrafted,"
                + "RuleSetVersionEdited,RuleSetVersionApproved", eventTypes(eventsOf(feed, dept, id)));
    }

    @Test
    void anExpressionThatDoesNotCompileOrNamesAnUnknownFieldIsRefusedWithItsPosition() {
        String dept = newDepartment();
        String id = createRuleSet(CO, dept, "spend-controls", "CABINET_OFFICE");
        String bad = rules(List.of(), List.of(), List.of(
                condition("typo", "category == 'PROPERTY' && wholeLifeCosts > 5", "CABINET_OFFICE", "PROPERTY", "Typo"),
                condition("syntax", "annualCost > > 3", "TREASURY", null, "Syntax"),
                condition("not-bool", "annualCost + 1.0", "TREASURY", null, "Not a boolean")));
        ExtractableResponse<Response> r = postDraft(CO, id, today(), bad);
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(List.of("rules.conditions[0].expression", "rules.conditions[1].expression",
                "rules.conditions[2].expression"), r.path("errors.field"));
        String typo = r.path("errors[0].message");
        assertEquals(true, typo.startsWith("line 1, column 27: undeclared reference to 'wholeLifeCosts'"), typo);
        assertEquals(true, typo.contains("the fields are department, category, wholeLifeCost"), typo);
        assertEquals(true, r.<String>path("errors[1].message").startsWith("line 1, column 14:"), r.asString());
        assertEquals("InvalidExpression", r.path("errors[2].code"));
        as(CO).get(RULE_SETS + "/" + id + "/versions").then().statusCode(200).body("items", hasSize(0));

        // every other kind of problem, each with its path
        String worse = rules(List.of(limit("Capital", "CAPITAL_PROJECT", null, "-1"),
                limit("dup", "CAPITAL_PROJECT", null, "10.001")), List.of(control("dup", "PROPERTY", "1")),
                List.of(condition("treasury-control", "novel", "TREASURY", "PROPERTY", " ")));
        ExtractableResponse<Response> w = postDraft(CO, id, today(), worse);
        assertEquals(400, w.statusCode());
        assertEquals(List.of("rules.limits[0].id", "rules.limits[0].wholeLifeCost", "rules.limits[1].wholeLifeCost",
                "rules.limits[1].stage", "rules.spendControls[0].id", "rules.conditions[0].spendControl",
                "rules.conditions[0].reason"), w.path("errors.field"));
        as(CO).get(RULE_SETS + "/" + id + "/versions").then().body("items", hasSize(0));

        // a good condition is accepted as written
        ExtractableResponse<Response> good = postDraft(CO, id, today(), rules(List.of(), List.of(), List.of(
                condition("leases", "category == 'PROPERTY' && description.contains('lease')", "CABINET_OFFICE",
                        "PROPERTY", "New leases"))));
        assertEquals(201, good.statusCode(), good.asString());
        assertEquals("category == 'PROPERTY' && description.contains('lease')",
                good.path("rules.conditions[0].expression"));
    }

    @Test
    void theOwnerIsDataAndDecidesWhoManagesTheRuleSet() {
        String dept = newDepartment();
        String id = createRuleSet(CO, dept, "spend-controls", "CABINET_OFFICE");
        String rules = rules(List.of(), List.of(control("property", "PROPERTY", "1000000")), List.of());
        assertEquals(403, postDraft(HMT, id, today(), rules).statusCode());
        assertEquals(403, as(HMT).contentType(ContentType.JSON).body(newRuleSet(dept, "other", "CABINET_OFFICE"))
                .post(RULE_SETS).statusCode(), "the Treasury cannot create a Cabinet Office rule set");
        String handOver = "{\"owner\":\"TREASURY\",\"reason\":\"Property spend control moved to the Treasury\"}";
        assertEquals(403, as(HMT).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(handOver)
                .put(RULE_SETS + "/" + id + "/owner").statusCode(), "only the current owner hands over");
        assertEquals(428, as(CO).contentType(ContentType.JSON).body(handOver).put(RULE_SETS + "/" + id + "/owner")
                .statusCode());
        as(CO).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(handOver)
                .put(RULE_SETS + "/" + id + "/owner").then().statusCode(200).header("ETag", "\"2\"")
                .body("owner", is("TREASURY")).body("administratorRole", is("treasury-spending"))
                .body("ownerHistory[0].from", is("CABINET_OFFICE")).body("ownerHistory[0].to", is("TREASURY"))
                .body("ownerHistory[0].changedBy", is("co-admin"));
        assertEquals(403, postDraft(CO_2, id, today(), rules).statusCode());
        assertEquals(201, postDraft(HMT, id, today(), rules).statusCode());
        assertEquals(409, as(HMT).contentType(ContentType.JSON).body(newRuleSet(dept, "spend-controls", "TREASURY"))
                .post(RULE_SETS).statusCode(), "names are unique within a department");
    }

    @Test
    void departmentsReadTheirOwnRuleSetsOnlyAndManageNone() {
        String dept = newDepartment();
        String other = newDepartment();
        String id = createRuleSet(HMT, dept, "delegated-authority", "TREASURY");
        as(reader(dept)).get(RULE_SETS + "/" + id).then().statusCode(200).body("department", is(dept));
        as(reader(dept)).get(RULE_SETS).then().statusCode(200).body("items.department", contains(dept));
        as(reader(other)).get(RULE_SETS + "/" + id).then().statusCode(404).body("type", startsWith("urn:"));
        as(reader(other)).get(RULE_SETS + "/" + id + "/versions").then().statusCode(404);
        as(reader(other)).queryParam("department", dept).get(RULE_SETS).then().statusCode(404);
        assertEquals(403, postDraft(Api.editor(dept), id, today(), V1).statusCode());
        assertEquals(403, as(Api.editor(dept)).contentType(ContentType.JSON)
                .body(newRuleSet(dept, "mine", "TREASURY")).post(RULE_SETS).statusCode());
        as(OPS).get(RULE_SETS).then().statusCode(403);
        anonymous().get(RULE_SETS).then().statusCode(401);
        as(HMT_APPROVER).get(RULE_SETS + "/" + id).then().statusCode(200);
        // a version in the past is refused, with nothing written
        ExtractableResponse<Response> past = postDraft(HMT, id, today().minusDays(1), V1);
        assertEquals(422, past.statusCode());
        assertEquals("NotRetroactive", past.path("errors[0].code"));
        as(HMT).get(RULE_SETS + "/" + id + "/versions").then().body("items", hasSize(0));
    }
}
