package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.testing.BadInputSweep.field;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.BadInputSweep;
import uk.gov.spendingcontrol.testing.BadInputSweep.Field;
import uk.gov.spendingcontrol.testing.BadInputSweep.Kind;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Every write endpoint of the reporting service, and the parameters of its reads, swept with the bad inputs of
 * issue 7 (BadInputSweep): each is a 4xx problem+json pointing at the field or parameter, never a 5xx, and writes
 * nothing.
 */
@QuarkusTest
class BadInputSweepTest {

    static final String CO = TestTokens.central("co-admin", "cabinet-office-admin");
    static final String BASE = "/api/v1/reporting-requirements";
    static final String FCDO_EDITOR = TestTokens.user("fcdo-editor", "FCDO", "department-editor");

    @Inject
    AgroalDataSource db;

    static String requirement(String code) {
        return "{\"code\":\"" + code + "\",\"title\":\"Sweep\",\"description\":\"Made by the sweep\","
                + "\"dataKind\":\"OUTTURN\",\"frequency\":\"MONTHLY\",\"dueDaysAfterPeriodEnd\":10,"
                + "\"appliesToAllDepartments\":false,\"departments\":[\"FCDO\"],\"satisfiedByLiveData\":true,"
                + "\"liveDataFeed\":\"budget.returns\"}";
    }

    static final Field[] CONTENT = {field("code", Kind.TEXT), field("title", Kind.TEXT),
        field("description", Kind.FREE_TEXT), field("dataKind", Kind.ENUM), field("frequency", Kind.ENUM),
        field("dueDaysAfterPeriodEnd", Kind.WHOLE), field("appliesToAllDepartments", Kind.BOOLEAN),
        field("departments", Kind.TEXT_LIST), field("satisfiedByLiveData", Kind.BOOLEAN),
        field("liveDataFeed", Kind.TEXT)};

    @Test
    void everyWriteAndEveryParameter() {
        String code = "SWEEP-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = given().auth().oauth2(CO).contentType(ContentType.JSON).body(requirement(code))
                .when().post(BASE).then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        // an update names the version it read in If-Match, never in the body (a "version" member is an unknown one)
        String update = requirement(code);
        int sent = new BadInputSweep(BadInputSweep.rowCounts(db, "reporting"))
                .body("POST", BASE, CO, Map.of(), requirement(code + "-NEW"), CONTENT)
                .body("PUT", BASE + "/" + id, CO, Map.of("If-Match", etag), update, CONTENT)
                .path("PUT", BASE + "/{id}", CO, Map.of("If-Match", etag), update, field("id", Kind.UUID))
                .body("POST", BASE + "/" + id + "/retirement", CO, Map.of("If-Match", etag),
                        "{\"reason\":\"No longer needed\"}", field("reason", Kind.FREE_TEXT))
                .path("POST", BASE + "/{id}/retirement", CO, Map.of("If-Match", etag), "{\"reason\":\"x\"}",
                        field("id", Kind.UUID))
                .query("GET", BASE, CO, field("status", Kind.TEXT), field("frequency", Kind.TEXT),
                        field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", BASE + "/{id}", CO, Map.of(), null, field("id", Kind.UUID))
                .query("GET", BASE + "/" + id + "/history", CO, field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", BASE + "/{id}/history", CO, Map.of(), null, field("id", Kind.UUID))
                // the live picture: a return recorded by hand, and the views' parameters
                .body("POST", "/api/v1/reporting/compliance/submissions", FCDO_EDITOR, Map.of(),
                        "{\"requirementId\":\"" + id + "\",\"financialYear\":\"2025-26\",\"period\":3}",
                        field("requirementId", Kind.UUID), field("financialYear", Kind.YEAR), field("period", Kind.WHOLE))
                .query("GET", "/api/v1/reporting/government", CO, field("financialYear", Kind.YEAR),
                        field("sort", Kind.TEXT))
                .query("GET", "/api/v1/reporting/compliance", CO, field("financialYear", Kind.YEAR),
                        field("department", Kind.TEXT))
                .query("GET", "/api/v1/reporting/burden", CO, field("financialYear", Kind.YEAR))
                .query("GET", "/api/v1/open/exports/spending.csv", null, field("financialYear", Kind.YEAR))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 180, sent + " cases");
    }
}
