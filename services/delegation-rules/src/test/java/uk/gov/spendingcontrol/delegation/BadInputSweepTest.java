package uk.gov.spendingcontrol.delegation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.delegation.Api.APPROVALS;
import static uk.gov.spendingcontrol.delegation.Api.CO;
import static uk.gov.spendingcontrol.delegation.Api.DECISIONS;
import static uk.gov.spendingcontrol.delegation.Api.HMT;
import static uk.gov.spendingcontrol.delegation.Api.HMT_APPROVER;
import static uk.gov.spendingcontrol.delegation.Api.RULE_SETS;
import static uk.gov.spendingcontrol.testing.BadInputSweep.field;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.BadInputSweep;
import uk.gov.spendingcontrol.testing.BadInputSweep.Kind;

/**
 * Every write endpoint of the delegation-rules service, and the parameters of its reads, swept with the bad inputs of
 * issue 7 (BadInputSweep): each is a 4xx problem+json pointing at the field or parameter, never a 5xx, and writes
 * nothing (row counts of every table of the schema, the change feed included).
 */
@QuarkusTest
class BadInputSweepTest {

    @Inject
    AgroalDataSource db;

    @Test
    void everyWriteAndEveryParameter() {
        String dept = DecisionsTest.department();
        String ruleSet = Api.createRuleSet(HMT, dept, "sweep", "TREASURY");
        String rules = Api.rules(List.of(Api.limit("capital", "CAPITAL_PROJECT", "OUTLINE_BUSINESS_CASE", "1000")),
                List.of(Api.control("property", "PROPERTY", "1000")), List.of(Api.condition("c", "novel", "TREASURY",
                        null, "Novel")));
        ExtractableResponse<Response> draft = Api.postDraft(HMT, ruleSet, Api.today().plusDays(1), rules);
        String submitted = Api.decide(Api.editor(dept), Api.with(Api.proposal("CAPITAL_PROJECT", "90000000", "1",
                null, false), "\"submit\":true")).path("approvals[0].id");
        String decision = Api.with(Api.proposal("CAPITAL_PROJECT", "1000.00", "10.00", "FULL_BUSINESS_CASE", false),
                "\"department\":\"" + dept + "\",\"programme\":\"P-1\",\"description\":\"Sweep\",\"asAt\":\""
                        + Api.today() + "\",\"submit\":false");
        String versions = RULE_SETS + "/" + ruleSet + "/versions";
        int sent = new BadInputSweep(BadInputSweep.rowCounts(db, "delegation"))
                .body("POST", RULE_SETS, HMT, Map.of(), Api.newRuleSet(dept, "other", "TREASURY"),
                        field("department", Kind.TEXT), field("name", Kind.TEXT), field("title", Kind.TEXT),
                        field("owner", Kind.ENUM))
                .body("PUT", RULE_SETS + "/" + ruleSet + "/owner", HMT, Map.of("If-Match", "\"1\""),
                        "{\"owner\":\"CABINET_OFFICE\",\"reason\":\"Reform\"}", field("owner", Kind.ENUM),
                        field("reason", Kind.FREE_TEXT))
                .body("PUT", versions + "/1", Api.HMT_2, Map.of("If-Match", draft.header("ETag")),
                        Api.draft(Api.today().plusDays(2), rules), field("effectiveFrom", Kind.DATE),
                        field("note", Kind.FREE_TEXT), field("rules.limits[0].category", Kind.ENUM),
                        field("rules.limits[0].stage", Kind.ENUM), field("rules.limits[0].wholeLifeCost", Kind.AMOUNT),
                        field("rules.spendControls[0].id", Kind.TEXT),
                        field("rules.spendControls[0].wholeLifeCost", Kind.AMOUNT),
                        field("rules.conditions[0].expression", Kind.FREE_TEXT),
                        field("rules.conditions[0].approver", Kind.ENUM))
                .body("POST", DECISIONS, CO, Map.of(), decision, field("department", Kind.TEXT),
                        field("category", Kind.ENUM), field("wholeLifeCost", Kind.AMOUNT),
                        field("annualCost", Kind.AMOUNT), field("stage", Kind.ENUM), field("novel", Kind.BOOLEAN),
                        field("contentious", Kind.BOOLEAN), field("repercussive", Kind.BOOLEAN),
                        field("programme", Kind.TEXT), field("description", Kind.FREE_TEXT),
                        field("asAt", Kind.DATE), field("submit", Kind.BOOLEAN))
                .body("POST", APPROVALS + "/" + submitted + "/decision", HMT_APPROVER, Map.of("If-Match", "\"1\""),
                        "{\"outcome\":\"REJECTED\",\"comment\":\"No\",\"conditions\":[]}",
                        field("outcome", Kind.ENUM), field("comment", Kind.FREE_TEXT))
                .query("GET", RULE_SETS, HMT, field("department", Kind.TEXT), field("limit", Kind.WHOLE),
                        field("cursor", Kind.CURSOR))
                .query("GET", versions, HMT, field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .query("GET", versions + "/1/impact", HMT, field("months", Kind.WHOLE))
                .query("GET", DECISIONS, HMT, field("submitted", Kind.BOOLEAN), field("limit", Kind.WHOLE),
                        field("cursor", Kind.CURSOR))
                .query("GET", APPROVALS, HMT, field("approver", Kind.ENUM), field("status", Kind.ENUM),
                        field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", RULE_SETS + "/{id}", HMT, Map.of(), null, field("id", Kind.UUID))
                .path("GET", RULE_SETS + "/" + ruleSet + "/versions/{number}", HMT, Map.of(), null,
                        field("number", Kind.WHOLE))
                .path("GET", DECISIONS + "/{id}", HMT, Map.of(), null, field("id", Kind.UUID))
                .path("GET", APPROVALS + "/{id}", HMT, Map.of(), null, field("id", Kind.UUID))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 150, sent + " cases");
    }
}
