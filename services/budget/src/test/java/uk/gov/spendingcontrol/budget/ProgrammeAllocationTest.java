package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

@QuarkusTest
class ProgrammeAllocationTest {

    static final String HMT = ControlTotalResourceTest.HMT;
    static final String DHSC = ControlTotalResourceTest.DHSC;
    static final String DHSC_READER = TestTokens.user("dhsc-reader", "DHSC", "department-reader");
    static final String DFE_EDITOR = TestTokens.user("dfe-editor", "DFE", "department-editor");
    static final String DFE = ControlTotalResourceTest.DFE;

    static void createProgramme(String token, String code, String contributors) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Programme " + code + "\",\"contributors\":" + contributors + "}")
                .when().post("/api/v1/programmes").then().statusCode(201);
    }

    static void settle(String dept, String year, String boundary, String amount) {
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(ControlTotalResourceTest.adjustment(dept, year, boundary, amount))
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);
    }

    static io.restassured.response.Response allocate(String token, String programme, String year, String boundary,
            String amount, Integer version) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"programme\":\"" + programme + "\",\"financialYear\":\"" + year + "\",\"boundary\":\""
                        + boundary + "\",\"amount\":" + amount + ",\"reason\":\"test\"}");
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        return request.when().post("/api/v1/allocations");
    }

    @Test
    void aDepartmentCreatesItsProgrammesAndOthersCannotSeeThem() {
        given().auth().oauth2(DHSC).contentType(ContentType.JSON)
                .body("{\"code\":\"DHSC-ELECTIVE\",\"name\":\"Elective recovery\",\"contributors\":[\"DFE\"]}")
                .when().post("/api/v1/programmes")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("leadDepartment", is("DHSC"), "contributors", contains("DFE"), "status", is("ACTIVE"),
                        "createdBy", is("dhsc-editor"));
        createProgramme(DHSC, "DHSC-PRIVATE", "[]");
        // the contributor sees the joint programme, not the other one
        given().auth().oauth2(DFE).when().get("/api/v1/programmes/DHSC-ELECTIVE").then().statusCode(200);
        given().auth().oauth2(DFE).when().get("/api/v1/programmes/DHSC-PRIVATE")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DFE).queryParam("limit", 1000).when().get("/api/v1/programmes")
                .then().statusCode(200).body("items.code", hasItem("DHSC-ELECTIVE"),
                        "items.code", not(hasItem("DHSC-PRIVATE")));
        given().auth().oauth2(HMT).when().get("/api/v1/programmes/DHSC-PRIVATE").then().statusCode(200);
        // readers cannot create; duplicates conflict; bad contributor is a field error
        given().auth().oauth2(DHSC_READER).contentType(ContentType.JSON)
                .body("{\"code\":\"DHSC-X\",\"name\":\"x\"}").when().post("/api/v1/programmes")
                .then().statusCode(403);
        given().auth().oauth2(DHSC).contentType(ContentType.JSON)
                .body("{\"code\":\"DHSC-PRIVATE\",\"name\":\"again\"}").when().post("/api/v1/programmes")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(DHSC).contentType(ContentType.JSON)
                .body("{\"code\":\"DHSC-Y\",\"name\":\"y\",\"contributors\":[\"NOPE\"]}").when().post("/api/v1/programmes")
                .then().statusCode(400).body("errors[0].field", is("contributors"));
        given().auth().oauth2(DHSC).contentType(ContentType.JSON)
                .body("{\"code\":\"bad code\",\"name\":\"y\"}").when().post("/api/v1/programmes")
                .then().statusCode(400).body("errors[0].field", is("code"));
        given().auth().oauth2(HMT).when().get("/api/v1/programmes/DHSC-Y").then().statusCode(404);
    }

    @Test
    void programmeChangesNeedTheCurrentVersion() {
        createProgramme(DHSC, "DHSC-VERSIONED", "[]");
        given().auth().oauth2(DHSC).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"code\":\"DHSC-VERSIONED\",\"name\":\"Renamed\"}")
                .when().put("/api/v1/programmes/DHSC-VERSIONED")
                .then().statusCode(200).header("ETag", "\"1\"").body("name", is("Renamed"), "version", is(1));
        given().auth().oauth2(DHSC).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"code\":\"DHSC-VERSIONED\",\"name\":\"Lost update\"}")
                .when().put("/api/v1/programmes/DHSC-VERSIONED")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(DFE_EDITOR).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"code\":\"DHSC-VERSIONED\",\"name\":\"Hijack\"}")
                .when().put("/api/v1/programmes/DHSC-VERSIONED")
                .then().statusCode(404);
        given().auth().oauth2(DHSC).when().get("/api/v1/programmes/DHSC-VERSIONED")
                .then().body("name", is("Renamed"));
    }

    @Test
    void allocationsStayWithinTheControlTotalAndKeepHistory() {
        settle("DHSC", "2040-41", "CAPITAL_DEL", "1000.00");
        createProgramme(DHSC, "DHSC-CAP-A", "[]");
        createProgramme(DHSC, "DHSC-CAP-B", "[]");
        int id = allocate(DHSC, "DHSC-CAP-A", "2040-41", "CAPITAL_DEL", "600.00", null)
                .then().statusCode(200).body("amount", is(600.0f), "version", is(0)).extract().path("id");
        allocate(DHSC, "DHSC-CAP-B", "2040-41", "CAPITAL_DEL", "500.00", null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:allocation-exceeds-control-total"),
                        "detail", containsString("£1,100.00"), "detail", containsString("£1,000.00"),
                        "errors[0].field", is("amount"));
        allocate(DHSC, "DHSC-CAP-B", "2040-41", "CAPITAL_DEL", "400.00", null).then().statusCode(200);
        // changing A needs its version; lowering it is fine
        allocate(DHSC, "DHSC-CAP-A", "2040-41", "CAPITAL_DEL", "100.00", null).then().statusCode(428);
        allocate(DHSC, "DHSC-CAP-A", "2040-41", "CAPITAL_DEL", "100.00", 7).then().statusCode(412);
        allocate(DHSC, "DHSC-CAP-A", "2040-41", "CAPITAL_DEL", "100.00", 0).then().statusCode(200).body("version", is(1));
        given().auth().oauth2(DHSC_READER).when().get("/api/v1/allocations/" + id + "/history")
                .then().statusCode(200).body("amount", contains(600.0f, 100.0f), "version", contains(0, 1));
        given().auth().oauth2(DFE).when().get("/api/v1/allocations/" + id).then().statusCode(404);
        given().auth().oauth2(HMT).queryParam("department", "DHSC").queryParam("financialYear", "2040-41")
                .when().get("/api/v1/allocations").then().statusCode(200).body("items", hasSize(2));
        // another department's programme, readers and Treasury cannot allocate
        createProgramme(DFE_EDITOR, "DFE-ONLY", "[]");
        allocate(DHSC, "DFE-ONLY", "2040-41", "CAPITAL_DEL", "1.00", null)
                .then().statusCode(422).body("errors[0].field", is("programme"));
        allocate(DHSC_READER, "DHSC-CAP-A", "2040-41", "CAPITAL_DEL", "1.00", 1).then().statusCode(403);
        allocate(HMT, "DHSC-CAP-A", "2040-41", "CAPITAL_DEL", "1.00", 1).then().statusCode(403);
        allocate(DHSC, "DHSC-CAP-A", "2040-41", "CAPITAL_DEL", "-1.00", 1).then().statusCode(400)
                .body("errors[0].field", is("amount"));
    }

    @Test
    void concurrentAllocationsCannotTogetherExceedTheControlTotal() throws Exception {
        settle("DHSC", "2041-42", "AME", "100.00");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            codes.add("DHSC-RACE-" + i);
            createProgramme(DHSC, "DHSC-RACE-" + i, "[]");
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String code : codes) {
                calls.add(() -> allocate(DHSC, code, "2041-42", "AME", "30.00", null).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 422).count(), "statuses " + statuses);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aTransferMovesMoneyBetweenTwoDepartmentsAtOnce() {
        settle("DHSC", "2042-43", "RESOURCE_DEL_PROGRAMME", "500.00");
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body("""
                        {"fromDepartment":"DHSC","toDepartment":"DFE","financialYear":"2042-43",
                         "boundary":"RESOURCE_DEL_PROGRAMME","amount":120.00,"reason":"School nurses move to DfE"}""")
                .when().post("/api/v1/control-totals/transfers")
                .then().statusCode(201)
                .body("legs.department", contains("DHSC", "DFE"), "legs.amount", contains(-120.0f, 120.0f),
                        "legs.type", contains("TRANSFER", "TRANSFER"));
        given().auth().oauth2(HMT).queryParam("financialYear", "2042-43").when().get("/api/v1/control-totals")
                .then().statusCode(200).body("department", contains("DFE", "DHSC"), "amount", contains(120.0f, 380.0f));
        // an unknown receiving department: neither leg is written
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body("""
                        {"fromDepartment":"DHSC","toDepartment":"NOPE","financialYear":"2042-43",
                         "boundary":"RESOURCE_DEL_PROGRAMME","amount":1.00,"reason":"x"}""")
                .when().post("/api/v1/control-totals/transfers")
                .then().statusCode(422).body("errors[0].field", is("toDepartment"));
        given().auth().oauth2(HMT).queryParam("financialYear", "2042-43").queryParam("department", "DHSC")
                .when().get("/api/v1/control-totals").then().body("[0].amount", is(380.0f), "[0].adjustments", is(2));
        given().auth().oauth2(DHSC).contentType(ContentType.JSON)
                .body("""
                        {"fromDepartment":"DHSC","toDepartment":"DFE","financialYear":"2042-43",
                         "boundary":"RESOURCE_DEL_PROGRAMME","amount":1.00,"reason":"x"}""")
                .when().post("/api/v1/control-totals/transfers").then().statusCode(403);
    }

    @Test
    void periodsOpenCloseAndFuture() {
        given().auth().oauth2(DFE).when().get("/api/v1/financial-years/2020-21/periods")
                .then().statusCode(200).body("$", hasSize(12), "[0].startDate", is("2020-04-01"),
                        "[11].endDate", is("2021-03-31"), "[0].status", is("OPEN"));
        given().auth().oauth2(DFE).when().get("/api/v1/financial-years/2090-91/periods")
                .then().statusCode(200).body("[0].status", is("FUTURE"));
        given().auth().oauth2(HMT).when().post("/api/v1/financial-years/2020-21/periods/3/closure")
                .then().statusCode(200).body("status", is("CLOSED"), "period", is(3));
        given().auth().oauth2(HMT).when().post("/api/v1/financial-years/2090-91/periods/3/closure")
                .then().statusCode(409);
        given().auth().oauth2(DHSC).when().post("/api/v1/financial-years/2020-21/periods/4/closure")
                .then().statusCode(403);
        given().auth().oauth2(HMT).when().post("/api/v1/financial-years/2020-21/periods/13/closure")
                .then().statusCode(400).body("errors[0].field", is("period"));
    }

    @Test
    void aProgrammeCodeBeginsWithItsLeadDepartmentSoACreateRevealsNoOtherDepartmentsProgramme() {
        createProgramme(DHSC, "DHSC-SECRET-PLAN", "[]");
        // DFE cannot tell a DHSC code that exists from one that does not: both are outside its codes
        for (String code : List.of("DHSC-SECRET-PLAN", "DHSC-NO-SUCH-PLAN")) {
            given().auth().oauth2(DFE_EDITOR).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + code + "\",\"name\":\"Probe\"}").when().post("/api/v1/programmes")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", is("urn:spending-control:problem:programme-code-namespace"),
                            "errors[0].field", is("code"), "errors[0].message", is("must begin with DFE-, the code of"
                                    + " its lead department"), "detail", not(containsString("exist")));
        }
        // the Treasury creates for any department, in that department's codes
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body("{\"code\":\"DHSC-FOR-DFE\",\"name\":\"Misfiled\",\"leadDepartment\":\"DFE\"}")
                .when().post("/api/v1/programmes")
                .then().statusCode(422).body("errors[0].message", containsString("DFE-"));
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body("{\"code\":\"DFE-BY-HMT\",\"name\":\"Filed\",\"leadDepartment\":\"DFE\"}")
                .when().post("/api/v1/programmes")
                .then().statusCode(201).body("leadDepartment", is("DFE"));
        // so a code that is taken is always the caller's own: saying so reveals nothing
        given().auth().oauth2(DFE_EDITOR).contentType(ContentType.JSON)
                .body("{\"code\":\"DFE-BY-HMT\",\"name\":\"Again\"}").when().post("/api/v1/programmes")
                .then().statusCode(409).body("errors[0].field", is("code"));
        given().auth().oauth2(DFE_EDITOR).when().get("/api/v1/programmes/DFE-BY-HMT").then().statusCode(200);
        given().auth().oauth2(HMT).when().get("/api/v1/programmes/DHSC-FOR-DFE").then().statusCode(404);
    }

    @Test
    void programmeAndAllocationChangesFollowTheIfMatchRule() {
        createProgramme(DHSC, "DHSC-IF-MATCH", "[]");
        String change = "{\"code\":\"DHSC-IF-MATCH\",\"name\":\"Changed\"}";
        given().auth().oauth2(DHSC).contentType(ContentType.JSON).body(change)
                .when().put("/api/v1/programmes/DHSC-IF-MATCH")
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-required"), "errors[0].field", is("If-Match"));
        for (String malformed : List.of("0", "*", "\"v0\"", "\"0\",\"1\"")) {
            given().auth().oauth2(DHSC).contentType(ContentType.JSON).header("If-Match", malformed).body(change)
                    .when().put("/api/v1/programmes/DHSC-IF-MATCH")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("If-Match"));
        }
        given().auth().oauth2(DHSC).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .when().put("/api/v1/programmes/DHSC-IF-MATCH").then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(DHSC).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"code\":\"DHSC-IF-MATCH\",\"name\":\"Lost\"}")
                .when().put("/api/v1/programmes/DHSC-IF-MATCH")
                .then().statusCode(412).header("ETag", "\"1\"")
                .body("detail", containsString("is at version 1, not 0"), "errors[0].field", is("If-Match"));
        given().auth().oauth2(DHSC).when().get("/api/v1/programmes/DHSC-IF-MATCH")
                .then().statusCode(200).header("ETag", "\"1\"").body("name", is("Changed"));

        settle("DHSC", "2044-45", "CAPITAL_DEL", "1000.00");
        // If-Match for an allocation that does not exist yet: the condition fails, nothing is made
        allocate(DHSC, "DHSC-IF-MATCH", "2044-45", "CAPITAL_DEL", "10.00", 0).then().statusCode(412)
                .body("detail", containsString("does not exist yet"));
        allocate(DHSC, "DHSC-IF-MATCH", "2044-45", "CAPITAL_DEL", "10.00", null).then().statusCode(200)
                .header("ETag", "\"0\"");
        allocate(DHSC, "DHSC-IF-MATCH", "2044-45", "CAPITAL_DEL", "20.00", null).then().statusCode(428)
                .body("errors[0].field", is("If-Match"), "detail", containsString("version 0"));
        given().auth().oauth2(DHSC).contentType(ContentType.JSON).header("If-Match", "zero")
                .body("{\"programme\":\"DHSC-IF-MATCH\",\"financialYear\":\"2044-45\",\"boundary\":\"CAPITAL_DEL\","
                        + "\"amount\":20}").when().post("/api/v1/allocations")
                .then().statusCode(400).body("errors[0].field", is("If-Match"));
        allocate(DHSC, "DHSC-IF-MATCH", "2044-45", "CAPITAL_DEL", "20.00", 1).then().statusCode(412)
                .header("ETag", "\"0\"");
        allocate(DHSC, "DHSC-IF-MATCH", "2044-45", "CAPITAL_DEL", "20.00", 0).then().statusCode(200)
                .header("ETag", "\"1\"").body("amount", is(20.0f));
        given().auth().oauth2(HMT).queryParam("department", "DHSC").queryParam("financialYear", "2044-45")
                .when().get("/api/v1/allocations").then().statusCode(200)
                .body("items", hasSize(1), "items[0].amount", is(20.0f), "items[0].version", is(1));
    }
}
