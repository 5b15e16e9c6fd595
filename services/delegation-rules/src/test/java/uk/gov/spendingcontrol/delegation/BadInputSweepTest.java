package uk.gov.spendingcontrol.delegation;

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
import uk.gov.spendingcontrol.testing.BadInputSweep.Kind;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Every write endpoint of the delegation-rules service (and the decision, which writes nothing), and the parameters
 * of its reads, swept with the bad inputs of issue 7 (BadInputSweep): each is a 4xx problem+json pointing at the
 * field or parameter, never a 5xx, and writes nothing. DSIT's delegation is used by no other test.
 */
@QuarkusTest
class BadInputSweepTest {

    static final String CO = TestTokens.central("co-admin", "cabinet-office-admin");
    static final String BASE = "/api/v1/delegation-rules";

    @Inject
    AgroalDataSource db;

    static String rules() {
        return "{\"reason\":\"Sweep\",\"rules\":[{\"kindOfSpend\":\"CAPITAL_PROJECT\","
                + "\"threshold\":\"30000000.00\",\"approverAbove\":\"TREASURY\"}]}";
    }

    @Test
    void everyWriteAndEveryParameter() {
        if (given().auth().oauth2(CO).when().get(BASE + "/DSIT").statusCode() == 404) {
            given().auth().oauth2(CO).contentType(ContentType.JSON).header("If-None-Match", "*").body(rules())
                    .when().put(BASE + "/DSIT")
                    .then().statusCode(201);
        }
        String etag = given().auth().oauth2(CO).when().get(BASE + "/DSIT").then().statusCode(200).extract()
                .header("ETag");
        int sent = new BadInputSweep(BadInputSweep.rowCounts(db, "delegation"))
                .body("PUT", BASE + "/DSIT", CO, Map.of("If-Match", etag), rules(),
                        field("reason", Kind.FREE_TEXT),
                        field("rules[0].kindOfSpend", Kind.ENUM), field("rules[0].threshold", Kind.AMOUNT),
                        field("rules[0].approverAbove", Kind.ENUM))
                .path("PUT", BASE + "/{department}", CO, Map.of("If-Match", etag), rules(),
                        field("department", Kind.TEXT))
                .body("POST", BASE + "/decisions", CO, Map.of(),
                        "{\"department\":\"DSIT\",\"kindOfSpend\":\"CAPITAL_PROJECT\",\"wholeLifeCost\":\"1000.00\","
                                + "\"novel\":false,\"contentious\":false,\"repercussive\":false}",
                        field("department", Kind.TEXT), field("kindOfSpend", Kind.ENUM),
                        field("wholeLifeCost", Kind.AMOUNT), field("novel", Kind.BOOLEAN),
                        field("contentious", Kind.BOOLEAN), field("repercussive", Kind.BOOLEAN))
                .query("GET", BASE, CO, field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", BASE + "/{department}", CO, Map.of(), null, field("department", Kind.TEXT))
                .query("GET", BASE + "/DSIT/versions", CO, field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", BASE + "/{department}/versions", CO, Map.of(), null, field("department", Kind.TEXT))
                .path("GET", BASE + "/DSIT/versions/{version}", CO, Map.of(), null, field("version", Kind.WHOLE))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 100, sent + " cases");
    }
}
