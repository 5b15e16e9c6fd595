package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.concurrent.ThreadLocalRandom;
import uk.gov.spendingcontrol.testing.DatabaseOutageTests;

/** 503 with Retry-After while PostgreSQL is stopped, nothing half-written, success once it is back. */
@QuarkusTest
class DatabaseOutageTest extends DatabaseOutageTests {

    @Override
    protected Response read() {
        return given().auth().oauth2(ControlTotalResourceTest.HMT).when().get("/api/v1/programmes");
    }

    @Override
    protected Write newWrite() {
        String code = "DHSC-OUTAGE-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        return write(() -> given().auth().oauth2(ControlTotalResourceTest.DHSC).contentType(ContentType.JSON)
                        .body("{\"code\":\"" + code + "\",\"name\":\"Written during an outage\"}")
                        .when().post("/api/v1/programmes"),
                () -> count("SELECT count(*) FROM budget.programme WHERE code = ?", code) > 0);
    }

    @Override
    protected String tableWrittenLast() {
        return "budget.change_event";
    }
}
