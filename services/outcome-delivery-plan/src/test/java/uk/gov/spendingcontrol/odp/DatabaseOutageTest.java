package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.gov.spendingcontrol.testing.DatabaseOutageTests;

/** 503 with Retry-After while PostgreSQL is stopped, nothing half-written, success once it is back. */
@QuarkusTest
class DatabaseOutageTest extends DatabaseOutageTests {

    @Override
    protected Response read() {
        return given().auth().oauth2(Fixtures.HMT).when().get(Fixtures.PLANS);
    }

    @Override
    protected Write newWrite() {
        String year = Fixtures.newYear();
        return write(() -> given().auth().oauth2(Fixtures.DEFRA_EDITOR).contentType(ContentType.JSON)
                        .body(Fixtures.complete(year, "Written during an outage")).when().post(Fixtures.PLANS),
                () -> count("SELECT count(*) FROM odp.outcome_delivery_plan WHERE department_code = 'DEFRA'"
                        + " AND financial_year = ?", year) > 0);
    }

    @Override
    protected String tableWrittenLast() {
        return "odp.change_event";
    }
}
