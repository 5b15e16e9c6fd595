package uk.gov.spendingcontrol.delegation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.concurrent.ThreadLocalRandom;
import uk.gov.spendingcontrol.testing.DatabaseOutageTests;

/** 503 with Retry-After while PostgreSQL is stopped, nothing half-written, success once it is back. */
@QuarkusTest
class DatabaseOutageTest extends DatabaseOutageTests {

    @Override
    protected Response read() {
        return Api.as(Api.HMT).when().get("/api/v1/delegation-rules");
    }

    @Override
    protected Write newWrite() {
        String department = "OUT" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        return write(() -> Api.create(Api.CO, department, Api.delegation("First delegation, written during an outage",
                        Api.rule("CAPITAL_PROJECT", "1000000", "TREASURY"))).extract().response(),
                () -> count("SELECT count(*) FROM delegation.delegation_version WHERE department_code = ?",
                        department) > 0);
    }

    @Override
    protected String tableWrittenLast() {
        return "delegation.change_event";
    }
}
