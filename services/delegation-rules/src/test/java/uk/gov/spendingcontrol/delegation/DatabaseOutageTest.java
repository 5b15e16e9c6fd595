package uk.gov.spendingcontrol.delegation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.gov.spendingcontrol.testing.DatabaseOutageTests;

/** 503 with Retry-After while PostgreSQL is stopped, nothing half-written, success once it is back. */
@QuarkusTest
class DatabaseOutageTest extends DatabaseOutageTests {

    @Override
    protected Response read() {
        return Api.as(Api.HMT).when().get(Api.RULE_SETS);
    }

    @Override
    protected Write newWrite() {
        String department = Api.newDepartment();
        return write(() -> Api.as(Api.HMT).contentType("application/json")
                        .body(Api.newRuleSet(department, "outage", "TREASURY")).when().post(Api.RULE_SETS),
                () -> count("SELECT count(*) FROM delegation.rule_set WHERE department_code = ?", department) > 0);
    }

    @Override
    protected String tableWrittenLast() {
        return "delegation.change_event";
    }
}
