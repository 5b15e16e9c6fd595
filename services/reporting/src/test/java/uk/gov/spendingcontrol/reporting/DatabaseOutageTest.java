package uk.gov.spendingcontrol.reporting;

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
        return given().auth().oauth2(ReportingRequirementResourceTest.ADMIN).when()
                .get(ReportingRequirementResourceTest.PATH);
    }

    @Override
    protected Write newWrite() {
        String code = ReportingRequirementResourceTest.code("OUTAGE");
        return write(() -> given().auth().oauth2(ReportingRequirementResourceTest.ADMIN).contentType(ContentType.JSON)
                        .body(ReportingRequirementResourceTest.requirement(code))
                        .when().post(ReportingRequirementResourceTest.PATH),
                () -> count("SELECT count(*) FROM reporting.reporting_requirement WHERE code = ?", code) > 0);
    }

    @Override
    protected String tableWrittenLast() {
        return "reporting.change_event";
    }
}
