package uk.gov.spendingcontrol.odp;

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
 * Every write endpoint of the outcome-delivery-plan service, and the parameters of its reads (the public ones
 * included), swept with the bad inputs of issue 7 (BadInputSweep): each is a 4xx problem+json pointing at the field
 * or parameter, never a 5xx, and writes nothing. FCDO and the year 2060-61 are used by no other test.
 */
@QuarkusTest
class BadInputSweepTest {

    static final String EDITOR = TestTokens.user("fcdo-editor", "FCDO", "department-editor");
    static final String YEAR = "2060-61";

    @Inject
    AgroalDataSource db;

    static final Field[] CONTENT = {field("title", Kind.TEXT), field("summary", Kind.FREE_TEXT),
        field("priorityOutcomes[0].title", Kind.TEXT), field("priorityOutcomes[0].description", Kind.FREE_TEXT),
        field("priorityOutcomes[0].crossCuttingOutcomeId", Kind.UUID),
        field("priorityOutcomes[0].metrics[0].name", Kind.TEXT), field("priorityOutcomes[0].metrics[0].unit", Kind.TEXT),
        field("priorityOutcomes[0].metrics[0].baselineValue", Kind.AMOUNT),
        field("priorityOutcomes[0].metrics[0].baselineDate", Kind.DATE),
        field("priorityOutcomes[0].metrics[0].targetValue", Kind.AMOUNT),
        field("priorityOutcomes[0].metrics[0].targetDate", Kind.DATE),
        field("strategicEnablers[0].enabler", Kind.ENUM), field("strategicEnablers[0].commitment", Kind.FREE_TEXT)};

    @Test
    void everyWriteAndEveryParameter() {
        String body = Fixtures.complete(YEAR, "FCDO plan");
        var created = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body)
                .when().post(Fixtures.PLANS).then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        // an update names the version it read in If-Match, never in the body (a "version" member is an unknown one)
        String update = body.replace("\"financialYear\":\"" + YEAR + "\",", "");
        Field[] create = new Field[CONTENT.length + 1];
        create[0] = field("financialYear", Kind.YEAR);
        System.arraycopy(CONTENT, 0, create, 1, CONTENT.length);
        int sent = new BadInputSweep(BadInputSweep.rowCounts(db, "odp"))
                .body("POST", Fixtures.PLANS, EDITOR, Map.of(), Fixtures.complete("2061-62", "Another"), create)
                .body("PUT", Fixtures.PLANS + "/" + id, EDITOR, Map.of("If-Match", etag), update, CONTENT)
                .path("PUT", Fixtures.PLANS + "/{id}", EDITOR, Map.of("If-Match", etag), update, field("id", Kind.UUID))
                .path("POST", Fixtures.PLANS + "/{id}/publication", EDITOR, Map.of("If-Match", etag), null,
                        field("id", Kind.UUID))
                .query("GET", Fixtures.PLANS, Fixtures.HMT, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("status", Kind.TEXT), field("limit", Kind.WHOLE),
                        field("cursor", Kind.CURSOR))
                .path("GET", Fixtures.PLANS + "/{id}", Fixtures.HMT, Map.of(), null, field("id", Kind.UUID))
                .query("GET", Fixtures.PUBLISHED, null, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", Fixtures.PUBLISHED + "/{id}", null, Map.of(), null, field("id", Kind.UUID))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 250, sent + " cases");
    }
}
