package uk.gov.spendingcontrol.delegation;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.delegation.Api.APPROVALS;
import static uk.gov.spendingcontrol.delegation.Api.CO;
import static uk.gov.spendingcontrol.delegation.Api.DECISIONS;
import static uk.gov.spendingcontrol.delegation.Api.HMT;
import static uk.gov.spendingcontrol.delegation.Api.HMT_APPROVER;
import static uk.gov.spendingcontrol.delegation.Api.as;
import static uk.gov.spendingcontrol.delegation.Api.decide;
import static uk.gov.spendingcontrol.delegation.Api.editor;
import static uk.gov.spendingcontrol.delegation.Api.eventTypes;
import static uk.gov.spendingcontrol.delegation.Api.proposal;
import static uk.gov.spendingcontrol.delegation.Api.reader;
import static uk.gov.spendingcontrol.delegation.Api.system;
import static uk.gov.spendingcontrol.delegation.Api.with;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.feed.ChangeEvent;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;

/** Submitted proposals: approvals routed to the central approver roles, decided once, seen by the department. */
@QuarkusTest
class ApprovalsTest {

    @Inject
    ChangeFeed feed;

    static ExtractableResponse<Response> decideApproval(String token, String id, String etag, String body) {
        var r = as(token).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            r.header("If-Match", etag);
        }
        return r.when().post(APPROVALS + "/" + id + "/decision").then().extract();
    }

    @Test
    void aSubmittedProposalGoesToEachBodyAndTheDepartmentSeesTheOutcome() {
        String dept = DecisionsTest.department();
        ExtractableResponse<Response> submitted = decide(system(dept), with(proposal("DIGITAL_AND_TECHNOLOGY",
                "6000000", "2000000", "OUTLINE_BUSINESS_CASE", false), "\"submit\":true"));
        assertEquals(201, submitted.statusCode(), submitted.asString());
        assertEquals("PENDING", submitted.path("status"));
        assertEquals(List.of("TREASURY", "CABINET_OFFICE"), submitted.path("approvals.approver"));
        assertEquals(List.of("PENDING", "PENDING"), submitted.path("approvals.status"));
        String decision = submitted.path("id");
        String treasury = submitted.path("approvals[0].id");
        String cabinetOffice = submitted.path("approvals[1].id");

        // the pending list of each approver role, oldest first, with ages
        as(HMT_APPROVER).queryParam("status", "PENDING").queryParam("approver", "TREASURY").queryParam("limit", 1000)
                .get(APPROVALS).then().statusCode(200).body("items.id", hasItem(treasury))
                .body("items.find { it.id == '" + treasury + "' }.ageSeconds", greaterThanOrEqualTo(0))
                .body("items.find { it.id == '" + treasury + "' }.rules", is(List.of("no-limit")))
                .body("items.find { it.id == '" + treasury + "' }.approverRole", is("treasury-approver"));
        as(CO).queryParam("status", "PENDING").queryParam("approver", "CABINET_OFFICE").queryParam("limit", 1000)
                .get(APPROVALS).then().statusCode(200).body("items.id", hasItem(cabinetOffice))
                .body("items.find { it.id == '" + cabinetOffice + "' }.spendControls",
                        is(List.of("DIGITAL_AND_TECHNOLOGY")));

        // routed: each body decides its own only
        assertEquals(403, decideApproval(CO, treasury, "\"1\"", "{\"outcome\":\"APPROVED\"}").statusCode());
        assertEquals(403, decideApproval(HMT_APPROVER, cabinetOffice, "\"1\"", "{\"outcome\":\"APPROVED\"}")
                .statusCode());
        assertEquals(403, decideApproval(HMT, treasury, "\"1\"", "{\"outcome\":\"APPROVED\"}").statusCode(),
                "treasury-spending manages rules, it does not approve proposals");
        assertEquals(403, decideApproval(editor(dept), treasury, "\"1\"", "{\"outcome\":\"APPROVED\"}").statusCode());
        assertEquals(428, decideApproval(HMT_APPROVER, treasury, null, "{\"outcome\":\"APPROVED\"}").statusCode());

        ExtractableResponse<Response> co = decideApproval(CO, cabinetOffice, "\"1\"", "{\"outcome\":\"APPROVED\","
                + "\"comment\":\"Assured\",\"conditions\":[\"Spend control review at beta\",\"Reuse the GOV.UK "
                + "platform\"]}");
        assertEquals(200, co.statusCode(), co.asString());
        assertEquals("\"2\"", co.header("ETag"));
        assertEquals(List.of("OPENED", "APPROVED"), co.path("history.event"));
        assertEquals("co-admin", co.path("decidedBy"));
        assertEquals(List.of("Spend control review at beta", "Reuse the GOV.UK platform"), co.path("conditions"));
        as(reader(dept)).get(DECISIONS + "/" + decision).then().statusCode(200).body("status", is("PENDING"));

        ExtractableResponse<Response> hmt = decideApproval(HMT_APPROVER, treasury, "\"1\"", "{\"outcome\":\"APPROVED\"}");
        assertEquals(200, hmt.statusCode(), hmt.asString());
        assertEquals(409, decideApproval(HMT_APPROVER, treasury, "\"2\"", "{\"outcome\":\"REJECTED\",\"comment\":"
                + "\"Changed my mind\"}").statusCode(), "decided once");

        as(reader(dept)).get(DECISIONS + "/" + decision).then().statusCode(200).body("status", is("APPROVED"))
                .body("approvals[1].conditions[0]", is("Spend control review at beta"))
                .body("approvals[0].history[1].by", is("hmt-approver"));
        as(reader(dept)).get(APPROVALS).then().statusCode(200).body("items.id", hasItem(treasury));
        as(reader(DecisionsTest.department())).get(APPROVALS + "/" + treasury).then().statusCode(404);

        List<ChangeEvent> events = QuarkusTransaction.requiringNew().call(() -> feed.read(0, 5000, dept)).stream()
                .filter(e -> e.aggregateType().equals("Decision") || e.aggregateType().equals("Approval")).toList();
        assertEquals("ApprovalOpened,ApprovalOpened,ProposalSubmitted,ApprovalDecided,ApprovalDecided",
                eventTypes(events));
        assertEquals("CABINET_OFFICE", events.get(3).payload().path("approver").asText());
        assertEquals(true, events.get(4).payload().has("ageSeconds"), events.get(4).payload().toString());
    }

    @Test
    void rejectingNeedsACommentAndRejectsTheProposal() {
        String dept = DecisionsTest.department();
        ExtractableResponse<Response> submitted = decide(editor(dept), with(proposal("CAPITAL_PROJECT", "90000000",
                "1000000", null, false), "\"submit\":true"));
        String decision = submitted.path("id");
        String treasury = submitted.path("approvals[0].id");
        ExtractableResponse<Response> bare = decideApproval(HMT_APPROVER, treasury, "\"1\"", "{\"outcome\":\"REJECTED\"}");
        assertEquals(400, bare.statusCode());
        assertEquals("comment", bare.path("errors[0].field"));
        assertEquals(400, decideApproval(HMT_APPROVER, treasury, "\"1\"", "{\"outcome\":\"REJECTED\",\"comment\":\"No\","
                + "\"conditions\":[\"x\"]}").statusCode());
        as(HMT_APPROVER).get(APPROVALS + "/" + treasury).then().body("status", is("PENDING")).body("revision", is(1));
        ExtractableResponse<Response> rejected = decideApproval(HMT_APPROVER, treasury, "\"1\"",
                "{\"outcome\":\"REJECTED\",\"comment\":\"Value for money not shown\"}");
        assertEquals(200, rejected.statusCode(), rejected.asString());
        as(editor(dept)).get(DECISIONS + "/" + decision).then().body("status", is("REJECTED"))
                .body("approvals[0].comment", is("Value for money not shown"));
        // within delegation, submitting opens nothing
        ExtractableResponse<Response> small = decide(editor(dept), with(proposal("CAPITAL_PROJECT", "1000", "1000",
                null, false), "\"submit\":true"));
        assertEquals("WITHIN_DELEGATION", small.path("status"));
        assertEquals(List.of(), small.path("approvals"));
    }
}
