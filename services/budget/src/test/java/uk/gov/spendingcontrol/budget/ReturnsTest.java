package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Monthly returns: every rule, JSON and CSV, nothing written on a fatal finding, warnings kept, idempotency, versions,
 * review, and access per role. Each test works in its own financial year (all in the past), so positions, versions
 * and closed periods of one test never meet another's.
 */
@QuarkusTest
class ReturnsTest {

    static final String HMT = ControlTotalResourceTest.HMT;
    static final String APPROVER = TestTokens.central("hmt-approver", "treasury-approver");
    static final String CO_ADMIN = TestTokens.central("co-admin", "cabinet-office-admin");
    static final String OPS = ControlTotalResourceTest.OPS;
    static final String MOJ_SYSTEM = TestTokens.user("service-account-moj-ledger", "MOJ", "department-system");
    static final String MOJ_EDITOR = TestTokens.user("moj-editor", "MOJ", "department-editor");
    static final String MOJ_READER = TestTokens.user("moj-reader", "MOJ", "department-reader");
    static final String DFT_EDITOR = TestTokens.user("dft-editor", "DFT", "department-editor");
    static final String HO_SYSTEM = TestTokens.user("service-account-ho-ledger", "HO", "department-system");
    static final String HO_EDITOR = TestTokens.user("ho-editor", "HO", "department-editor");
    static final String DFE_READER = ControlTotalResourceTest.DFE;

    static final String A = "MOJ-RTN-A";
    static final String B = "MOJ-RTN-B";
    static final String DFT_PROGRAMME = "DFT-RTN-X";

    private static boolean fixtures;

    @Inject
    AgroalDataSource db;

    /** Programmes used by these tests (created once; programme codes are global). */
    static synchronized void fixtures() {
        if (fixtures) {
            return;
        }
        ProgrammeAllocationTest.createProgramme(MOJ_EDITOR, A, "[]");
        ProgrammeAllocationTest.createProgramme(MOJ_EDITOR, B, "[]");
        ProgrammeAllocationTest.createProgramme(DFT_EDITOR, DFT_PROGRAMME, "[]");
        ProgrammeAllocationTest.createProgramme(HO_EDITOR, "HO-RTN-A", "[]");
        ProgrammeAllocationTest.createProgramme(HO_EDITOR, "HO-RTN-B", "[]");
        fixtures = true;
    }

    static String line(String programme, String boundary, Object period, String kind, String amount) {
        return "{\"programme\":\"" + programme + "\",\"boundary\":\"" + boundary + "\",\"period\":" + period
                + ",\"kind\":\"" + kind + "\",\"amount\":" + amount + "}";
    }

    static String json(String year, int period, String... lines) {
        return "{\"financialYear\":\"" + year + "\",\"period\":" + period + ",\"lines\":[" + String.join(",", lines)
                + "]}";
    }

    static Response submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/returns");
    }

    static Response submitCsv(String token, String year, int period, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").queryParam("financialYear", year)
                .queryParam("period", period).body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/returns");
    }

    long count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of every table a submission writes, and the feed: they must not move when a return is rejected. */
    List<Long> written() {
        return List.of(count("SELECT count(*) FROM budget.submission"), count("SELECT count(*) FROM budget.return_line"),
                count("SELECT count(*) FROM budget.submission_total"), count("SELECT count(*) FROM budget.return_warning"),
                count("SELECT count(*) FROM budget.change_event"));
    }

    long events(String type, String aggregateId) {
        return count("SELECT count(*) FROM budget.change_event WHERE event_type = ? AND aggregate_id = ?", type,
                aggregateId);
    }

    @Test
    void theRulesAreListedWithStableIds() {
        given().auth().oauth2(MOJ_SYSTEM).when().get("/api/v1/returns/rules")
                .then().statusCode(200)
                .body("id", contains("R001", "R002", "R003", "R004", "R005", "R006", "R007", "R008", "R009", "R010",
                        "R011"),
                        "find { it.id == 'R001' }.severity", is("FATAL"),
                        "find { it.id == 'R001' }.category", is("REFERENCE"),
                        "find { it.id == 'R008' }.severity", is("WARNING"),
                        "find { it.id == 'R008' }.category", is("PLAUSIBILITY"),
                        "find { it.id == 'R006' }.title", is("Duplicate line"));
        given().auth().oauth2(OPS).when().get("/api/v1/returns/rules").then().statusCode(403);
    }

    @Test
    void everyFatalRuleFiresWithLineFieldAndRuleAndNothingIsWritten() {
        fixtures();
        String year = "2010-11";
        String body = json(year, 6,
                line(A, "RESOURCE_DEL_PROGRAMME", 1, "OUTTURN", "100.00"),            // 1 fine
                line("RTN-NOPE", "RESOURCE_DEL_PROGRAMME", 1, "OUTTURN", "1"),        // 2 R001
                line(DFT_PROGRAMME, "CAPITAL_DEL", 1, "OUTTURN", "1"),                 // 3 R001 (another's)
                line(A, "RESOURCE_DEL_PROGRAMME", 7, "OUTTURN", "1"),                 // 4 R004
                line(A, "CAPITAL_DEL", 2, "OUTTURN", "\"12.345\""),                   // 5 R005
                line(A, "RESOURCE_DEL_PROGRAMME", 1, "OUTTURN", "100"),               // 6 R006 (duplicates 1)
                line(A, "CAPITAL", 3, "OUTTURN", "1"),                                // 7 R007 boundary
                line(A, "AME", 13, "OUTTURN", "1"),                                   // 8 R007 period
                "{\"programme\":\"" + A + "\",\"boundary\":\"AME\",\"period\":4,\"amount\":5}", // 9 R007 kind
                line(A, "AME", 5, "OUTTURN", "9e99"),                                 // 10 R005 (too large)
                line(B, "AME", 5, "OUTTURN", "-1.5"));                                // 11 fine (a warning)
        List<Long> before = written();
        JsonPath report = submit(MOJ_SYSTEM, body)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:return-rejected"), "status", is(422),
                        "instance", is("/api/v1/returns"), "traceId", notNullValue(),
                        "detail", containsString("9 fatal findings"),
                        "counts.R001", is(2), "counts.R002", nullValue(), "counts.R004", is(1), "counts.R005", is(2),
                        "counts.R006", is(1), "counts.R007", is(3),
                        "errors.line", contains(2, 3, 4, 5, 6, 7, 8, 9, 10),
                        "errors.ruleId", contains("R001", "R001", "R004", "R005", "R006", "R007", "R007", "R007",
                                "R005"),
                        "errors.field", contains("programme", "programme", "period", "amount",
                                "programme+boundary+period+kind", "boundary", "period", "kind", "amount"),
                        "errors.severity", hasItem("FATAL"), "errors.severity", not(hasItem("WARNING")),
                        "errors[0].category", is("REFERENCE"), "errors[0].code", is("R001"),
                        // another department's programme and no programme at all are told apart by nothing
                        "errors[0].message", is("programme 'RTN-NOPE' is not one that MOJ leads or contributes to"),
                        "errors[1].message", is("programme '" + DFT_PROGRAMME + "' is not one that MOJ leads or"
                                + " contributes to"),
                        "errors[4].message", containsString("duplicates line 1"),
                        "errors[5].message", containsString("'CAPITAL' is not a budget boundary"))
                .extract().jsonPath();
        assertEquals(9, report.getList("errors").size());
        assertEquals(before, written(), "a rejected return writes nothing, not even a feed event");
        given().auth().oauth2(MOJ_READER).queryParam("financialYear", year).when().get("/api/v1/returns")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aReturnForAPeriodThatHasNotStartedIsRejected() {
        fixtures();
        String next = FinancialYear.containing(LocalDate.now()).next().toString();
        List<Long> before = written();
        submit(MOJ_SYSTEM, json(next, 1, line(A, "AME", 1, "OUTTURN", "1")))
                .then().statusCode(422)
                .body("errors[0].ruleId", is("R004"), "errors[0].field", is("period"), "errors[0].line", nullValue(),
                        "errors[0].message", containsString("has not started"));
        assertEquals(before, written());
    }

    @Test
    void outturnForAClosedPeriodCannotChange() {
        fixtures();
        String year = "2012-13";
        String a = "HO-RTN-A";
        String b = "HO-RTN-B";
        submit(HO_SYSTEM, json(year, 2,
                line(a, "RESOURCE_DEL_ADMIN", 1, "OUTTURN", "1000.00"),
                line(a, "RESOURCE_DEL_ADMIN", 2, "OUTTURN", "1100.00"),
                line(a, "RESOURCE_DEL_ADMIN", 3, "FORECAST", "1200.00")))
                .then().statusCode(201);
        given().auth().oauth2(HMT).when().post("/api/v1/financial-years/" + year + "/periods/1/closure")
                .then().statusCode(200).body("status", is("CLOSED"));
        List<Long> before = written();
        // changing period 1's outturn
        submit(HO_SYSTEM, json(year, 3,
                line(a, "RESOURCE_DEL_ADMIN", 1, "OUTTURN", "999.99"),
                line(a, "RESOURCE_DEL_ADMIN", 2, "OUTTURN", "1100.00"),
                line(a, "RESOURCE_DEL_ADMIN", 3, "OUTTURN", "1200.00")))
                .then().statusCode(422)
                .body("errors", hasSize(1), "errors[0].ruleId", is("R003"), "errors[0].line", is(1),
                        "errors[0].field", is("amount"), "errors[0].category", is("PERIOD"),
                        "errors[0].message", containsString("£1,000.00, not £999.99"));
        // leaving period 1's outturn out
        submit(HO_SYSTEM, json(year, 3,
                line(a, "RESOURCE_DEL_ADMIN", 2, "OUTTURN", "1100.00")))
                .then().statusCode(422)
                .body("errors", hasSize(1), "errors[0].ruleId", is("R003"), "errors[0].line", nullValue(),
                        "errors[0].field", is("lines"), "errors[0].message", containsString("must repeat it"));
        // adding outturn to the closed period for another programme
        submit(HO_SYSTEM, json(year, 3,
                line(a, "RESOURCE_DEL_ADMIN", 1, "OUTTURN", "1000"),
                line(b, "RESOURCE_DEL_ADMIN", 1, "OUTTURN", "5")))
                .then().statusCode(422)
                .body("errors", hasSize(1), "errors[0].ruleId", is("R003"), "errors[0].line", is(2),
                        "errors[0].field", is("period"));
        assertEquals(before, written());
        // repeating it is fine
        submit(HO_SYSTEM, json(year, 3,
                line(a, "RESOURCE_DEL_ADMIN", 1, "OUTTURN", "1000"),
                line(a, "RESOURCE_DEL_ADMIN", 2, "OUTTURN", "1150.00"),
                line(b, "RESOURCE_DEL_ADMIN", 2, "OUTTURN", "5")))
                .then().statusCode(201).body("period", is(3), "version", is(1), "warningCount", is(0));
    }

    @Test
    void warningsAreAcceptedAndKeptFromCsv() {
        fixtures();
        String year = "2011-12";
        ProgrammeAllocationTest.settle("MOJ", year, "RESOURCE_DEL_PROGRAMME", "5000000.00");
        ProgrammeAllocationTest.allocate(MOJ_EDITOR, A, year, "RESOURCE_DEL_PROGRAMME", "1200000.00", null)
                .then().statusCode(200);
        String csv = "\uFEFFProgramme, Boundary ,period,kind,amount,note\r\n"
                + A + ",RESOURCE_DEL_PROGRAMME,1,OUTTURN,1500000.00,over the allocation\r\n"   // 1 R008
                + B + ",RESOURCE_DEL_PROGRAMME,1,OUTTURN,1000000000.01,\r\n"                    // 2 R008 (no allocation)
                + A + ",RESOURCE_DEL_PROGRAMME,2,OUTTURN,-50,\"a refund, netted\"\r\n"         // 3 R009
                + A + ",RESOURCE_DEL_PROGRAMME,2,FORECAST,10,\r\n"                              // 4 R010
                + "\"" + A + "\",resource_del_programme,4,forecast,100.5,\r\n"                  // 5 fine
                + ",,,,,\r\n\r\n";                                                             // blank: skipped
        long feedBefore = count("SELECT count(*) FROM budget.change_event WHERE event_type = 'ReturnSubmitted'");
        Response created = submitCsv(MOJ_SYSTEM, year, 3, csv);
        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/returns/" + created.path("id")))
                .header("ETag", "\"0\"")
                .body("department", is("MOJ"), "financialYear", is(year), "period", is(3), "version", is(1),
                        "status", is("SUBMITTED"), "format", is("CSV"), "lineCount", is(5), "warningCount", is(4),
                        "superseded", is(false), "submittedBy", is("service-account-moj-ledger"),
                        "warningCounts.R008", is(2), "warningCounts.R009", is(1), "warningCounts.R010", is(1),
                        "warnings.ruleId", contains("R008", "R008", "R009", "R010"),
                        "warnings.line", contains(1, 2, 3, 4),
                        "warnings.field", contains("amount", "amount", "amount", "period"),
                        "warnings.severity", contains("WARNING", "WARNING", "WARNING", "WARNING"),
                        "warnings[0].category", is("PLAUSIBILITY"),
                        "warnings[0].message", containsString("above the full-year allocation of £1,200,000.00"),
                        "warnings[1].message", containsString("£1,000,000,000.00"),
                        "warnings[3].message", containsString("ignored"));
        String id = created.path("id");
        // kept: the same report when read again, all warnings paged, the lines as accepted
        given().auth().oauth2(MOJ_READER).when().get("/api/v1/returns/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("warnings.ruleId", contains("R008", "R008", "R009", "R010"), "warningCounts.R008", is(2));
        String cursor = given().auth().oauth2(MOJ_READER).queryParam("limit", 3)
                .when().get("/api/v1/returns/" + id + "/warnings")
                .then().statusCode(200).body("items", hasSize(3), "items[2].ruleId", is("R009"))
                .extract().path("nextCursor");
        given().auth().oauth2(MOJ_READER).queryParam("limit", 3).queryParam("cursor", cursor)
                .when().get("/api/v1/returns/" + id + "/warnings")
                .then().statusCode(200).body("items.ruleId", contains("R010"), "nextCursor", nullValue());
        given().auth().oauth2(MOJ_READER).when().get("/api/v1/returns/" + id + "/lines")
                .then().statusCode(200)
                .body("items.line", contains(1, 2, 3, 4, 5),
                        "items.programme", contains(A, B, A, A, A),
                        "items[4].boundary", is("RESOURCE_DEL_PROGRAMME"), "items[4].kind", is("FORECAST"),
                        "items[4].period", is(4), "items[4].amount", is(100.5f),
                        "items[2].amount", is(-50.0f));
        assertEquals(1, events("ReturnSubmitted", id));
        // the event carries the department, the warnings per rule and the totals per programme and boundary
        JsonPath event = given().auth().oauth2(MOJ_READER).queryParam("limit", 5000)
                .when().get("/api/v1/change-feeds/budget").then().statusCode(200).extract().jsonPath();
        String at = "events.find { it.type == 'ReturnSubmitted' && it.aggregateId == '" + id + "' }";
        assertEquals(List.of("MOJ"), event.getList(at + ".departments"));
        assertEquals(3, event.getInt(at + ".payload.submission.period"));
        assertEquals(2, event.getInt(at + ".payload.warningCounts.R008"));
        assertEquals(2, event.getList(at + ".payload.totals").size());
        // A: outturn 1,500,000 - 50 to date; forecast adds period 4's 100.50 (period 2's forecast is ignored)
        assertEquals("1499950.0", event.getString(at + ".payload.totals.find { it.programme == '" + A
                + "' }.outturnYearToDate"));
        assertEquals("1500050.5", event.getString(at + ".payload.totals.find { it.programme == '" + A
                + "' }.forecastFullYear"));
        assertEquals(feedBefore + 1,
                count("SELECT count(*) FROM budget.change_event WHERE event_type = 'ReturnSubmitted'"));
        assertEquals(2, count("SELECT count(*) FROM budget.submission_total WHERE submission_id = ?::uuid", id));
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() {
        fixtures();
        String year = "2018-19";
        List<Long> before = written();
        submit(MOJ_SYSTEM, "{\"financialYear\":\"2018-19\",\"period\":3,\"lines\":[{\"programme\":")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not well-formed JSON"));
        submit(MOJ_SYSTEM, "{\"period\":3,\"lines\":[" + line(A, "AME", 1, "OUTTURN", "1") + "]}")
                .then().statusCode(400).body("errors[0].field", is("financialYear"));
        submit(MOJ_SYSTEM, json("2018-20", 3, line(A, "AME", 1, "OUTTURN", "1")))
                .then().statusCode(400).body("errors[0].field", is("financialYear"));
        submit(MOJ_SYSTEM, json(year, 13, line(A, "AME", 1, "OUTTURN", "1")))
                .then().statusCode(400).body("errors[0].field", is("period"));
        submit(MOJ_SYSTEM, json(year, 3)).then().statusCode(400).body("errors[0].field", is("lines"));
        submit(MOJ_SYSTEM, "{\"financialYear\":\"2018-19\",\"period\":3,\"lines\":{}}")
                .then().statusCode(400).body("errors[0].field", is("lines"));
        submitCsv(MOJ_SYSTEM, year, 3, "programme,boundary,period,amount\n" + A + ",AME,1,1\n")
                .then().statusCode(400).body("errors[0].field", is("header"), "detail", containsString("kind"));
        given().auth().oauth2(MOJ_SYSTEM).contentType("text/csv").body("programme,boundary,period,kind,amount\n")
                .when().post("/api/v1/returns")
                .then().statusCode(400).body("errors[0].field", is("financialYear"));
        given().auth().oauth2(MOJ_SYSTEM).contentType("text/plain").body("hello")
                .when().post("/api/v1/returns").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(MOJ_SYSTEM).contentType(ContentType.JSON).header("Idempotency-Key", "has spaces")
                .body(json(year, 3, line(A, "AME", 1, "OUTTURN", "1")))
                .when().post("/api/v1/returns").then().statusCode(400).body("errors[0].field", is("Idempotency-Key"));
        // a CSV row with a missing column and a bad period is a finding on that line
        submitCsv(MOJ_SYSTEM, year, 3, "programme,boundary,period,kind,amount\n" + A + ",AME,x,OUTTURN\n")
                .then().statusCode(422)
                .body("errors.field", contains("period", "amount"), "errors.line", contains(1, 1),
                        "errors.ruleId", contains("R007", "R007"));
        assertEquals(before, written());
    }

    @Test
    void tooManyLinesIsRefusedBeforeAnythingElse() {
        fixtures();
        StringBuilder csv = new StringBuilder(4_000_000).append("programme,boundary,period,kind,amount\n");
        for (int i = 0; i <= 100_000; i++) {
            csv.append("MOJ-RTN-A,AME,").append(i % 12 + 1).append(",OUTTURN,").append(i).append('\n');
        }
        List<Long> before = written();
        submitCsv(MOJ_SYSTEM, "2018-19", 12, csv.toString())
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:return-too-large"), "errors", hasSize(1),
                        "errors[0].ruleId", is("R011"), "errors[0].category", is("SIZE"), "counts.R011", is(1));
        assertEquals(before, written());
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyAnswersTheFirstResult() {
        fixtures();
        String year = "2014-15";
        String body = json(year, 2, line(A, "CAPITAL_DEL", 1, "OUTTURN", "10"), line(A, "CAPITAL_DEL", 2, "OUTTURN", "20"));
        Response first = given().auth().oauth2(MOJ_SYSTEM).contentType(ContentType.JSON)
                .header("Idempotency-Key", "moj-2014-15-p2-a").body(body).when().post("/api/v1/returns");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        String id = first.path("id");
        List<Long> before = written();
        given().auth().oauth2(MOJ_SYSTEM).contentType(ContentType.JSON)
                .header("Idempotency-Key", "moj-2014-15-p2-a").body(body).when().post("/api/v1/returns")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith(id)).body("id", is(id), "version", is(1), "lineCount", is(2));
        given().auth().oauth2(MOJ_SYSTEM).contentType(ContentType.JSON)
                .header("Idempotency-Key", "moj-2014-15-p2-a")
                .body(json(year, 2, line(A, "CAPITAL_DEL", 1, "OUTTURN", "11")))
                .when().post("/api/v1/returns")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:idempotency-key-reused"),
                        "errors[0].field", is("Idempotency-Key"), "detail", containsString(id));
        assertEquals(before, written(), "a replay writes nothing and publishes nothing");
        assertEquals(1, events("ReturnSubmitted", id));
        // the key belongs to the department: another department may use the same key for its own return
        given().auth().oauth2(HO_SYSTEM).contentType(ContentType.JSON).header("Idempotency-Key", "moj-2014-15-p2-a")
                .body(json(year, 2, line("HO-RTN-A", "CAPITAL_DEL", 1, "OUTTURN", "10")))
                .when().post("/api/v1/returns").then().statusCode(201).body("id", not(id), "department", is("HO"));
    }

    @Test
    void aNewSubmissionSupersedesTheLastAndEveryVersionStaysReadable() {
        fixtures();
        String year = "2015-16";
        String v1 = submit(MOJ_EDITOR, json(year, 4, line(A, "AME", 4, "OUTTURN", "40"), line(A, "AME", 5, "FORECAST", "50")))
                .then().statusCode(201).body("version", is(1), "submittedBy", is("moj-editor")).extract().path("id");
        String v2 = submit(MOJ_SYSTEM, json(year, 4, line(A, "AME", 4, "OUTTURN", "41")))
                .then().statusCode(201).body("version", is(2), "superseded", is(false)).extract().path("id");
        given().auth().oauth2(MOJ_READER).when().get("/api/v1/returns/" + v1)
                .then().statusCode(200).body("version", is(1), "superseded", is(true), "status", is("SUBMITTED"),
                        "lineCount", is(2));
        given().auth().oauth2(MOJ_READER).when().get("/api/v1/returns/" + v1 + "/lines")
                .then().statusCode(200).body("items.amount", contains(40.0f, 50.0f));
        given().auth().oauth2(MOJ_READER).queryParam("financialYear", year).queryParam("period", 4)
                .when().get("/api/v1/returns")
                .then().statusCode(200).body("items.id", contains(v1, v2), "items.version", contains(1, 2),
                        "items.superseded", contains(true, false), "items[0].warnings", nullValue());
        // a return for another period is version 1 of that period
        submit(MOJ_SYSTEM, json(year, 5, line(A, "AME", 5, "OUTTURN", "1"))).then().statusCode(201).body("version", is(1));
        // only the latest version can be reviewed
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"decision\":\"CONFIRMED\"}").when().post("/api/v1/returns/" + v1 + "/review")
                .then().statusCode(409).body("detail", containsString("superseded by version 2"));
    }

    @Test
    void treasuryConfirmsOrRejectsAndConcurrentReviewsAreDetected() throws Exception {
        fixtures();
        String year = "2016-17";
        String id = submit(MOJ_SYSTEM, json(year, 1, line(A, "AME", 1, "OUTTURN", "1"))).then().statusCode(201)
                .extract().path("id");
        String review = "{\"decision\":\"CONFIRMED\",\"comment\":\"Agrees with the ledger\"}";
        given().auth().oauth2(MOJ_EDITOR).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(review)
                .when().post("/api/v1/returns/" + id + "/review").then().statusCode(403);
        given().auth().oauth2(APPROVER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(review)
                .when().post("/api/v1/returns/" + id + "/review").then().statusCode(403);
        given().auth().oauth2(HMT).contentType(ContentType.JSON).body(review)
                .when().post("/api/v1/returns/" + id + "/review")
                .then().statusCode(428).contentType("application/problem+json").body("errors[0].field", is("If-Match"));
        for (String malformed : List.of("0", "*", "\"r0\"")) {
            given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", malformed).body(review)
                    .when().post("/api/v1/returns/" + id + "/review")
                    .then().statusCode(400).body("errors[0].field", is("If-Match"));
        }
        given().auth().oauth2(HMT).contentType(ContentType.JSON).body("{\"decision\":\"MAYBE\"}").header("If-Match", "0")
                .when().post("/api/v1/returns/" + id + "/review")
                .then().statusCode(400).body("errors[0].field", is("decision"));
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(review)
                .when().post("/api/v1/returns/" + id + "/review")
                .then().statusCode(412).contentType("application/problem+json").header("ETag", "\"0\"")
                .body("detail", containsString("is at version 0, not 3"));
        given().auth().oauth2(MOJ_READER).when().get("/api/v1/returns/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("status", is("SUBMITTED"));
        assertEquals(0, events("ReturnReviewed", id));
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(review)
                .when().post("/api/v1/returns/" + id + "/review")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", is("CONFIRMED"), "reviewedBy", is("hmt-spending"), "reviewedAt", notNullValue(),
                        "reviewComment", is("Agrees with the ledger"), "revision", is(1));
        // the department sees the status
        given().auth().oauth2(MOJ_SYSTEM).when().get("/api/v1/returns/" + id)
                .then().statusCode(200).body("status", is("CONFIRMED"), "reviewComment", is("Agrees with the ledger"));
        // a reviewed return cannot be reviewed again
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"decision\":\"REJECTED\",\"comment\":\"changed my mind\"}")
                .when().post("/api/v1/returns/" + id + "/review")
                .then().statusCode(409).body("detail", containsString("already CONFIRMED"));
        assertEquals(1, events("ReturnReviewed", id));

        // rejecting needs a comment
        String second = submit(MOJ_SYSTEM, json(year, 2, line(A, "AME", 2, "OUTTURN", "2"))).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"decision\":\"REJECTED\"}").when().post("/api/v1/returns/" + second + "/review")
                .then().statusCode(400).body("errors[0].field", is("comment"));

        // two reviewers at the same moment: exactly one wins, the other is told
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> reviewers = new ArrayList<>();
        for (String decision : new String[] {"CONFIRMED", "REJECTED"}) {
            reviewers.add(() -> given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"decision\":\"" + decision + "\",\"comment\":\"reviewer " + decision + "\"}")
                    .when().post("/api/v1/returns/" + second + "/review").then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(reviewers)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertTrue(statuses.contains(200) && (statuses.contains(409) || statuses.contains(412)), statuses.toString());
        assertEquals(1, events("ReturnReviewed", second));
        String status = given().auth().oauth2(MOJ_READER).when().get("/api/v1/returns/" + second).path("status");
        String comment = given().auth().oauth2(MOJ_READER).when().get("/api/v1/returns/" + second).path("reviewComment");
        assertEquals("reviewer " + status, comment, "the stored review is the winner's, whole");
        // the feed carries the review with the department
        JsonPath event = given().auth().oauth2(MOJ_READER).queryParam("limit", 5000)
                .when().get("/api/v1/change-feeds/budget").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> reviewed = event.getList("events.findAll { it.type == 'ReturnReviewed' && it.aggregateId == '"
                + id + "' }");
        assertEquals(1, reviewed.size());
        assertEquals("CONFIRMED", ((Map<?, ?>) reviewed.get(0).get("payload")).get("status"));
        assertEquals(List.of("MOJ"), reviewed.get(0).get("departments"));
    }

    @Test
    void eachRoleReadsAndWritesOnlyWhatItMay() {
        fixtures();
        String year = "2017-18";
        String id = submit(MOJ_SYSTEM, json(year, 1, line(A, "AME", 1, "OUTTURN", "1"))).then().statusCode(201)
                .extract().path("id");
        submit(MOJ_EDITOR, json(year, 1, line(A, "AME", 1, "OUTTURN", "2"))).then().statusCode(201);
        List<Long> before = written();
        submit(MOJ_READER, json(year, 1, line(A, "AME", 1, "OUTTURN", "3"))).then().statusCode(403)
                .contentType("application/problem+json");
        submit(HMT, json(year, 1, line(A, "AME", 1, "OUTTURN", "3"))).then().statusCode(403);
        submit(OPS, json(year, 1, line(A, "AME", 1, "OUTTURN", "3"))).then().statusCode(403);
        given().contentType(ContentType.JSON).body(json(year, 1, line(A, "AME", 1, "OUTTURN", "3")))
                .when().post("/api/v1/returns").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        assertEquals(before, written());

        for (String reader : new String[] {MOJ_READER, MOJ_SYSTEM, MOJ_EDITOR, HMT, APPROVER, CO_ADMIN}) {
            given().auth().oauth2(reader).when().get("/api/v1/returns/" + id).then().statusCode(200).body("id", is(id));
            given().auth().oauth2(reader).when().get("/api/v1/returns/" + id + "/lines").then().statusCode(200)
                    .body("items", hasSize(1));
        }
        // another department: not found, whatever it asks
        given().auth().oauth2(DFE_READER).when().get("/api/v1/returns/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:not-found"));
        given().auth().oauth2(DFE_READER).when().get("/api/v1/returns/" + id + "/lines").then().statusCode(404);
        given().auth().oauth2(DFE_READER).when().get("/api/v1/returns/" + id + "/warnings").then().statusCode(404);
        given().auth().oauth2(DFE_READER).queryParam("department", "MOJ").when().get("/api/v1/returns")
                .then().statusCode(404);
        given().auth().oauth2(DFE_READER).queryParam("financialYear", year).when().get("/api/v1/returns")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(HMT).queryParam("financialYear", year).queryParam("department", "moj")
                .when().get("/api/v1/returns").then().statusCode(200).body("items", hasSize(2),
                        "items.submittedBy", containsInAnyOrder("service-account-moj-ledger", "moj-editor"));
        given().auth().oauth2(OPS).when().get("/api/v1/returns/" + id).then().statusCode(403);
        given().auth().oauth2(OPS).when().get("/api/v1/returns").then().statusCode(403);
        given().when().get("/api/v1/returns/" + id).then().statusCode(401);
        // a path parameter of the wrong type is a bad request naming it (common-rest StrictParameters)
        given().auth().oauth2(HMT).when().get("/api/v1/returns/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", is("id"));
        given().auth().oauth2(HMT).when().get("/api/v1/returns/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }

    @Test
    void listsArePagedAndFiltered() {
        fixtures();
        String year = "2019-20";
        for (int p = 1; p <= 3; p++) {
            submit(MOJ_SYSTEM, json(year, p, line(B, "CAPITAL_DEL", p, "OUTTURN", "1"))).then().statusCode(201);
        }
        String cursor = given().auth().oauth2(MOJ_READER).queryParam("financialYear", year).queryParam("limit", 2)
                .when().get("/api/v1/returns")
                .then().statusCode(200).body("items.period", contains(1, 2), "next", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(MOJ_READER).queryParam("financialYear", year).queryParam("limit", 2)
                .queryParam("cursor", cursor).when().get("/api/v1/returns")
                .then().statusCode(200).body("items.period", contains(3), "nextCursor", nullValue());
        given().auth().oauth2(MOJ_READER).queryParam("financialYear", year).queryParam("status", "CONFIRMED")
                .when().get("/api/v1/returns").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(MOJ_READER).queryParam("status", "LOST").when().get("/api/v1/returns")
                .then().statusCode(400).body("errors[0].field", is("status"));
        given().auth().oauth2(MOJ_READER).queryParam("period", 0).when().get("/api/v1/returns")
                .then().statusCode(400).body("errors[0].field", is("period"));
    }
}
