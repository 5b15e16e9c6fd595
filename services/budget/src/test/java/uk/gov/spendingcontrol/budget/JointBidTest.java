package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

@QuarkusTest
class JointBidTest {

    static final String DEFRA = TestTokens.user("defra-editor", "DEFRA", "department-editor");
    static final String DFE_READER = ControlTotalResourceTest.DFE;
    static final String DFE_EDITOR = TestTokens.user("dfe-editor", "DFE", "department-editor");
    static final String DHSC = ControlTotalResourceTest.DHSC;
    static final String APPROVER = TestTokens.central("hmt-approver", "treasury-approver");
    static final String HMT = ControlTotalResourceTest.HMT;

    static final String BID = """
            {"title":"Net zero schools","crossCuttingOutcomeId":"net-zero-2050",
             "amounts":[{"department":"DEFRA","financialYear":"2027-28","amount":1000000.00},
                        {"department":"DFE","financialYear":"2027-28","amount":2500000.00}]}""";

    String draft() {
        return given().auth().oauth2(DEFRA).contentType(ContentType.JSON).body(BID)
                .when().post("/api/v1/joint-bids")
                .then().statusCode(201).body("status", is("DRAFT"), "leadDepartment", is("DEFRA"),
                        "departments", contains("DEFRA", "DFE"), "total", is(3500000.0f))
                .extract().path("id");
    }

    @Test
    void draftSubmitApproveWithTheRightRolesOnly() {
        String id = draft();
        // taking part: DfE reads it; DHSC does not see it
        given().auth().oauth2(DFE_READER).when().get("/api/v1/joint-bids/" + id).then().statusCode(200);
        given().auth().oauth2(DHSC).when().get("/api/v1/joint-bids/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DHSC).queryParam("limit", 1000).when().get("/api/v1/joint-bids")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // only the lead department's editor submits; an approver cannot approve a draft
        given().auth().oauth2(DFE_EDITOR).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"SUBMITTED\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status").then().statusCode(403);
        given().auth().oauth2(APPROVER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"APPROVED\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status").then().statusCode(409);
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"SUBMITTED\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status")
                .then().statusCode(200).body("status", is("SUBMITTED"), "version", is(1));
        // no more edits once submitted
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(BID)
                .when().put("/api/v1/joint-bids/" + id).then().statusCode(409);
        // a department editor cannot approve; treasury spending (not approver) cannot either
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"status\":\"APPROVED\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status").then().statusCode(403);
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"status\":\"APPROVED\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status").then().statusCode(403);
        given().auth().oauth2(APPROVER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"status\":\"REJECTED\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", is("comment"));
        given().auth().oauth2(APPROVER).contentType(ContentType.JSON)
                .header("If-Match", "\"1\"").body("{\"status\":\"APPROVED\",\"comment\":\"Good value\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status")
                .then().statusCode(200).body("status", is("APPROVED"), "decisionComment", is("Good value"));
        given().auth().oauth2(DFE_READER).when().get("/api/v1/joint-bids/" + id)
                .then().body("status", is("APPROVED"));
    }

    @Test
    void draftsChangeWithTheCurrentVersionOnly() {
        String id = draft();
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(BID.replace("Net zero schools", "Net zero schools and colleges"))
                .when().put("/api/v1/joint-bids/" + id)
                .then().statusCode(200).body("title", is("Net zero schools and colleges"), "version", is(1));
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(BID)
                .when().put("/api/v1/joint-bids/" + id).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(DFE_EDITOR).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(BID)
                .when().put("/api/v1/joint-bids/" + id).then().statusCode(403);
        // the If-Match rule, on both changes: absent 428, malformed 400, stale 412 with the current ETag
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).body(BID)
                .when().put("/api/v1/joint-bids/" + id).then().statusCode(428).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-required"), "errors[0].field", is("If-Match"));
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).body("{\"status\":\"SUBMITTED\"}")
                .when().post("/api/v1/joint-bids/" + id + "/status").then().statusCode(428)
                .body("errors[0].field", is("If-Match"));
        for (String malformed : new String[] {"1", "*", "\"one\""}) {
            given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", malformed).body(BID)
                    .when().put("/api/v1/joint-bids/" + id).then().statusCode(400).body("errors[0].field", is("If-Match"));
            given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", malformed)
                    .body("{\"status\":\"SUBMITTED\"}").when().post("/api/v1/joint-bids/" + id + "/status")
                    .then().statusCode(400).body("errors[0].field", is("If-Match"));
        }
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"SUBMITTED\"}").when().post("/api/v1/joint-bids/" + id + "/status")
                .then().statusCode(412).header("ETag", "\"1\"").body("detail", containsString("is at version 1, not 0"));
        given().auth().oauth2(DEFRA).when().get("/api/v1/joint-bids/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", is("DRAFT"), "title", is("Net zero schools and colleges"));
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON).header("If-Match", "W/\"1\"")
                .body("{\"status\":\"SUBMITTED\"}").when().post("/api/v1/joint-bids/" + id + "/status")
                .then().statusCode(200).header("ETag", "\"2\"").body("status", is("SUBMITTED"));
    }

    @Test
    void invalidBidsAreRefusedWithFieldErrors() {
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON)
                .body("""
                        {"title":"Solo","crossCuttingOutcomeId":"x1",
                         "amounts":[{"department":"DEFRA","financialYear":"2027-28","amount":1}]}""")
                .when().post("/api/v1/joint-bids").then().statusCode(400).body("errors[0].field", is("amounts"));
        given().auth().oauth2(DEFRA).contentType(ContentType.JSON)
                .body("""
                        {"title":"Bad","crossCuttingOutcomeId":"x1",
                         "amounts":[{"department":"NOPE","financialYear":"2027-28","amount":1},
                                    {"department":"DFE","financialYear":"2027-29","amount":-1}]}""")
                .when().post("/api/v1/joint-bids").then().statusCode(400)
                .body("errors.field", hasItem("amounts[1].amount"), "errors.field", hasItem("amounts[1].financialYear"));
        given().auth().oauth2(DFE_READER).contentType(ContentType.JSON).body(BID)
                .when().post("/api/v1/joint-bids").then().statusCode(403);
        given().auth().oauth2(HMT).queryParam("status", "MAYBE").when().get("/api/v1/joint-bids")
                .then().statusCode(400).body("errors[0].field", is("status"));
    }
}
