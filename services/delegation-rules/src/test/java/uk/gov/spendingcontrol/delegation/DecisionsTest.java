package uk.gov.spendingcontrol.delegation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.delegation.Api.CO;
import static uk.gov.spendingcontrol.delegation.Api.CO_2;
import static uk.gov.spendingcontrol.delegation.Api.DECISIONS;
import static uk.gov.spendingcontrol.delegation.Api.HMT;
import static uk.gov.spendingcontrol.delegation.Api.HMT_2;
import static uk.gov.spendingcontrol.delegation.Api.HMT_APPROVER;
import static uk.gov.spendingcontrol.delegation.Api.OPS;
import static uk.gov.spendingcontrol.delegation.Api.anonymous;
import static uk.gov.spendingcontrol.delegation.Api.approve;
import static uk.gov.spendingcontrol.delegation.Api.as;
import static uk.gov.spendingcontrol.delegation.Api.condition;
import static uk.gov.spendingcontrol.delegation.Api.control;
import static uk.gov.spendingcontrol.delegation.Api.createRuleSet;
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

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Explained decisions through the API: every kind of rule, recorded, fetched later, as at other dates; access. */
@QuarkusTest
class DecisionsTest {

    @Inject
    AgroalDataSource db;

    /** A department with a Treasury rule set and a Cabinet Office one, both in force today. */
    static String department() {
        String dept = newDepartment();
        inForce(HMT, HMT_2, dept, "delegated-authority", "TREASURY", today(), rules(List.of(
                limit("capital", "CAPITAL_PROJECT", null, "50000000"),
                limit("capital-soc", "CAPITAL_PROJECT", "STRATEGIC_OUTLINE_CASE", "20000000"),
                limit("consultancy", "CONSULTANCY", null, "10000000")), List.of(), List.of()));
        inForce(CO, CO_2, dept, "spend-controls", "CABINET_OFFICE", today(), rules(List.of(),
                List.of(control("digital-and-technology", "DIGITAL_AND_TECHNOLOGY", "5000000"),
                        control("consultancy", "CONSULTANCY", "600000")),
                List.of(condition("transformation", "category == 'CONSULTANCY' && description.contains('transformation')",
                        "CABINET_OFFICE", "CONSULTANCY", "Transformation consultancy is always assured"))));
        return dept;
    }

    @Test
    void everyKindOfRuleWithItsReasonFiguresAndVersions() {
        String dept = department();
        String token = editor(dept);

        ExtractableResponse<Response> within = decide(token, proposal("CAPITAL_PROJECT", "50000000.00", "9000000",
                "FULL_BUSINESS_CASE", false));
        assertEquals(201, within.statusCode(), within.asString());
        assertEquals("WITHIN_DELEGATION", within.path("outcome"));
        assertEquals("WITHIN_DELEGATION", within.path("status"));
        assertEquals(List.of(), within.path("firedRules"));
        assertEquals("capital", within.path("withinLimits[0].ruleId"));
        assertEquals(List.of("delegated-authority", "spend-controls"), within.path("ruleSetVersions.ruleSet"));
        assertEquals(List.of(1, 1), within.path("ruleSetVersions.version"));
        assertEquals(DECISIONS + "/" + within.path("id"), java.net.URI.create(within.header("Location")).getPath());

        ExtractableResponse<Response> limit = decide(token, proposal("CAPITAL_PROJECT", "25000000", "1000", 
                "STRATEGIC_OUTLINE_CASE", false));
        assertEquals("NEEDS_APPROVAL", limit.path("outcome"));
        assertEquals("NOT_SUBMITTED", limit.path("status"));
        assertEquals("capital-soc", limit.path("firedRules[0].ruleId"));
        assertEquals("LIMIT", limit.path("firedRules[0].kind"));
        assertEquals(1, (int) limit.path("firedRules[0].ruleSetVersion"));
        assertEquals(Map.of("figure", "wholeLifeCost", "value", new BigDecimal("25000000.00"), "limit",
                new BigDecimal("20000000.00"), "above", true), limit.path("firedRules[0].comparisons[0]"));
        assertEquals("whole-life cost £25,000,000.00 is above the delegated limit for CAPITAL_PROJECT at "
                + "STRATEGIC_OUTLINE_CASE (whole-life) of £20,000,000.00: Treasury approval is needed",
                limit.path("firedRules[0].reason"));
        assertEquals(List.of("TREASURY"), limit.path("approvalsNeeded.approver"));
        assertEquals(List.of("treasury-approver"), limit.path("approvalsNeeded.approverRole"));

        ExtractableResponse<Response> control = decide(token, proposal("DIGITAL_AND_TECHNOLOGY", "6000000", "2000000",
                null, false));
        assertEquals(List.of("no-limit", "digital-and-technology"), control.path("firedRules.ruleId"));
        assertEquals(List.of("NO_LIMIT", "SPEND_CONTROL"), control.path("firedRules.kind"));
        assertEquals(List.of("TREASURY", "CABINET_OFFICE"), control.path("approvalsNeeded.approver"));
        assertEquals(List.of("DIGITAL_AND_TECHNOLOGY"), control.path("approvalsNeeded[1].spendControls"));

        ExtractableResponse<Response> novel = decide(token, proposal("CAPITAL_PROJECT", "1.00", "1.00", null, true));
        assertEquals(List.of("NOVEL"), novel.path("firedRules.kind"));
        assertEquals(List.of("capital"), novel.path("withinLimits.ruleId"), "within its limit, novel all the same");

        ExtractableResponse<Response> cel = decide(token, with(proposal("CONSULTANCY", "100000", "100000", null,
                false), "\"description\":\"Digital transformation partner\",\"programme\":\"NHS-2030\""));
        assertEquals(List.of("transformation"), cel.path("firedRules.ruleId"));
        assertEquals("CONDITION", cel.path("firedRules[0].kind"));
        assertEquals("Transformation consultancy is always assured: approval by the Cabinet Office CONSULTANCY spend "
                + "control is needed", cel.path("firedRules[0].reason"));
        assertEquals("category == 'CONSULTANCY' && description.contains('transformation')",
                cel.path("firedRules[0].expression"));

        // recorded: fetched later as it was made, by the department and the centre
        String id = cel.path("id");
        as(reader(dept)).get(DECISIONS + "/" + id).then().statusCode(200)
                .body("firedRules[0].ruleId", is("transformation")).body("proposal.programme", is("NHS-2030"))
                .body("recordedBy", is(dept.toLowerCase() + "-editor")).body("asAt", is(today().toString()));
        as(HMT_APPROVER).get(DECISIONS + "/" + id).then().statusCode(200);
        as(reader(dept)).get(DECISIONS).then().statusCode(200).body("items.id[0]", is(id))
                .body("items.size()", is(5));
    }

    @Test
    void asAtADateAppliesTheRulesInForceThen() {
        String dept = newDepartment();
        String id = createRuleSet(HMT, dept, "delegated-authority", "TREASURY");
        ExtractableResponse<Response> v1 = postDraft(HMT, id, today().plusDays(10), rules(List.of(
                limit("capital", "CAPITAL_PROJECT", null, "10000000")), List.of(), List.of()));
        approve(HMT_2, id, 1, v1.header("ETag"));
        ExtractableResponse<Response> v2 = postDraft(HMT, id, today().plusDays(20), rules(List.of(
                limit("capital", "CAPITAL_PROJECT", null, "30000000")), List.of(), List.of()));
        approve(HMT_2, id, 2, v2.header("ETag"));
        String p = proposal("CAPITAL_PROJECT", "20000000", "1000", null, false);

        ExtractableResponse<Response> now = decide(editor(dept), p);
        assertEquals(List.of("NO_LIMIT"), now.path("firedRules.kind"), "nothing in force yet");
        assertEquals(List.of(), now.path("ruleSetVersions"));
        ExtractableResponse<Response> then1 = decide(HMT, with(p, "\"department\":\"" + dept + "\",\"asAt\":\""
                + today().plusDays(15) + "\""));
        assertEquals(201, then1.statusCode(), then1.asString());
        assertEquals(List.of(1), then1.path("ruleSetVersions.version"));
        assertEquals(List.of("capital"), then1.path("firedRules.ruleId"));
        ExtractableResponse<Response> then2 = decide(reader(dept), with(p, "\"asAt\":\"" + today().plusDays(20) + "\""));
        assertEquals(List.of(2), then2.path("ruleSetVersions.version"), "in force from its effective date");
        assertEquals("WITHIN_DELEGATION", then2.path("outcome"));
        assertEquals(today().plusDays(20).toString(), then2.path("asAt"));
        // a look ahead (or back) is recorded but cannot be submitted
        ExtractableResponse<Response> submit = decide(editor(dept), with(p, "\"asAt\":\"" + today().plusDays(15)
                + "\",\"submit\":true"));
        assertEquals(400, submit.statusCode());
        assertEquals("submit", submit.path("errors[0].field"));
        as(HMT).get(DECISIONS + "/" + then1.path("id")).then().body("ruleSetVersions[0].version", is(1))
                .body("live", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void eachRoleAsksForItsOwnDepartmentOnly() throws Exception {
        String dept = department();
        String other = newDepartment();
        String p = proposal("CAPITAL_PROJECT", "1000", "1000", null, false);
        String id = decide(reader(dept), p).path("id");
        as(reader(other)).get(DECISIONS + "/" + id).then().statusCode(404);
        assertEquals(404, decide(reader(other), with(p, "\"department\":\"" + dept + "\"")).statusCode());
        ExtractableResponse<Response> central = decide(HMT, p);
        assertEquals(400, central.statusCode());
        assertEquals("department", central.path("errors[0].field"));
        long before = count("decision");
        assertEquals(403, decide(reader(dept), with(p, "\"submit\":true")).statusCode(), "readers do not submit");
        assertEquals(403, decide(CO, with(p, "\"department\":\"" + dept + "\",\"submit\":true")).statusCode());
        assertEquals(403, decide(OPS, p).statusCode());
        assertEquals(401, anonymous().contentType("application/json").body(p).post(DECISIONS).statusCode());
        ExtractableResponse<Response> bad = decide(editor(dept), "{\"category\":\"CAPITAL_PROJECT\","
                + "\"wholeLifeCost\":-1,\"annualCost\":1.001,\"novel\":false,\"contentious\":false}");
        assertEquals(400, bad.statusCode());
        assertEquals(List.of("annualCost", "repercussive", "wholeLifeCost"),
                bad.<List<String>>path("errors.field").stream().sorted().toList());
        assertEquals(before, count("decision"), "refused requests write nothing");
    }

    @Test
    void aSubmissionRetriedWithItsIdempotencyKeyIsRecordedOnce() throws Exception {
        String dept = department();
        String token = editor(dept);
        String p = with(proposal("CAPITAL_PROJECT", "25000000", "1000", "STRATEGIC_OUTLINE_CASE", false),
                "\"submit\":true");
        String key = java.util.UUID.randomUUID().toString();
        long decisions = count("decision");
        long approvals = count("approval");

        ExtractableResponse<Response> first = as(token).header("Idempotency-Key", key).contentType("application/json")
                .body(p).post(DECISIONS).then().extract();
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(null, first.header("Idempotent-Replayed"));
        // two retries racing each other, as a client whose connection dropped would send them
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<ExtractableResponse<Response>>> retries = pool.invokeAll(List.of(
                () -> as(token).header("Idempotency-Key", key).contentType("application/json").body(p).post(DECISIONS)
                        .then().extract(),
                () -> as(token).header("Idempotency-Key", key).contentType("application/json").body(p).post(DECISIONS)
                        .then().extract()));
        pool.shutdown();
        for (var retry : retries) {
            ExtractableResponse<Response> again = retry.get();
            assertEquals(201, again.statusCode(), again.asString());
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals(first.header("Location"), again.header("Location"));
            assertEquals((String) first.path("id"), again.path("id"));
            assertEquals(first.<List<String>>path("approvals.id"), again.path("approvals.id"));
        }
        assertEquals(decisions + 1, count("decision"), "one decision recorded");
        assertEquals(approvals + 1, count("approval"), "one approval opened");

        // the same key with another proposal: refused, naming the header, nothing written
        ExtractableResponse<Response> other = as(token).header("Idempotency-Key", key).contentType("application/json")
                .body(with(proposal("CAPITAL_PROJECT", "26000000", "1000", "STRATEGIC_OUTLINE_CASE", false),
                        "\"submit\":true")).post(DECISIONS).then().extract();
        assertEquals(422, other.statusCode(), other.asString());
        assertEquals("application/problem+json", other.contentType());
        assertEquals("Idempotency-Key", other.path("errors[0].field"));
        // another caller's key is its own: the same key from the department's system is a new decision
        ExtractableResponse<Response> theirs = as(Api.system(dept)).header("Idempotency-Key", key)
                .contentType("application/json").body(p).post(DECISIONS).then().extract();
        assertEquals(201, theirs.statusCode(), theirs.asString());
        assertEquals(null, theirs.header("Idempotent-Replayed"));
        assertEquals(decisions + 2, count("decision"));
        // a refused request stores nothing: corrected, it goes through under the same key
        String fresh = java.util.UUID.randomUUID().toString();
        assertEquals(400, as(token).header("Idempotency-Key", fresh).contentType("application/json")
                .body("{\"category\":\"CAPITAL_PROJECT\"}").post(DECISIONS).statusCode());
        assertEquals(201, as(token).header("Idempotency-Key", fresh).contentType("application/json").body(p)
                .post(DECISIONS).statusCode());
        // a blank key is a mistake, not "no key"
        ExtractableResponse<Response> blank = as(token).header("Idempotency-Key", " ").contentType("application/json")
                .body(p).post(DECISIONS).then().extract();
        assertEquals(400, blank.statusCode());
        assertEquals("Idempotency-Key", blank.path("errors[0].field"));
        assertEquals(decisions + 3, count("decision"));
    }

    long count(String table) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM delegation." + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
