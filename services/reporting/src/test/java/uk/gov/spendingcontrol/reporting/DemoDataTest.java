package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.reporting.ReportingRequirementResourceTest.ADMIN;
import static uk.gov.spendingcontrol.reporting.ReportingRequirementResourceTest.DFE;
import static uk.gov.spendingcontrol.reporting.ReportingRequirementResourceTest.DHSC;
import static uk.gov.spendingcontrol.reporting.ReportingRequirementResourceTest.HMT;
import static uk.gov.spendingcontrol.reporting.ReportingRequirementResourceTest.PATH;
import static uk.gov.spendingcontrol.reporting.ReportingRequirementResourceTest.codesSeenBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo data (db/demo, on in the test profile): plausible, visible to the right departments, idempotent. */
@QuarkusTest
class DemoDataTest {

    static final String MONTHLY_OUTTURN = "4c9f6049-d0cd-407e-91df-709ccbe856c9";
    static final String ANNUAL_WORKFORCE = "4b05673f-cdd2-418d-bdda-13cef12dc186";
    static final String DHSC_WINTER = "13087d49-652c-437b-9673-474028cf6d12";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDemoRequirementsAreLoaded() {
        assertTrue(codesSeenBy(HMT).containsAll(List.of("MONTHLY-FORECAST-OUTTURN", "MONTHLY-OUTTURN",
                "QUARTERLY-ODP-PERFORMANCE", "ANNUAL-WORKFORCE", "QUARTERLY-MAJOR-PROJECTS", "DHSC-WINTER-PRESSURES")));
        given().auth().oauth2(DFE).when().get(PATH + "/" + MONTHLY_OUTTURN)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("code", is("MONTHLY-OUTTURN"), "dataKind", is("OUTTURN"), "frequency", is("MONTHLY"),
                        "appliesToAllDepartments", is(true), "satisfiedByLiveData", is(true),
                        "liveDataFeed", is("budget.returns"), "status", is("ACTIVE"), "createdBy", is("demo-data"));
        given().auth().oauth2(DFE).when().get(PATH + "/" + ANNUAL_WORKFORCE)
                .then().statusCode(200)
                .body("dataKind", is("WORKFORCE"), "frequency", is("ANNUALLY"), "satisfiedByLiveData", is(false),
                        "liveDataFeed", nullValue(), "departments", empty());
        // the history written by SQL reads like the history the API writes
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + MONTHLY_OUTTURN + "/history")
                .then().statusCode(200)
                .body("items", hasSize(1), "items[0].change", is("CREATED"), "items[0].version", is(1),
                        "items[0].requirement.code", is("MONTHLY-OUTTURN"),
                        "items[0].requirement.liveDataFeed", is("budget.returns"),
                        "items[0].requirement.departments", empty());
    }

    @Test
    void theDhscAdHocReturnIsForDhscAlone() {
        given().auth().oauth2(DHSC).when().get(PATH + "/" + DHSC_WINTER)
                .then().statusCode(200)
                .body("frequency", is("AD_HOC"), "appliesToAllDepartments", is(false), "departments", contains("DHSC"));
        given().auth().oauth2(DFE).when().get(PATH + "/" + DHSC_WINTER)
                .then().statusCode(404).contentType("application/problem+json");
        List<String> dfe = codesSeenBy(DFE);
        assertTrue(dfe.containsAll(List.of("MONTHLY-OUTTURN", "ANNUAL-WORKFORCE")), dfe.toString());
        assertTrue(!dfe.contains("DHSC-WINTER-PRESSURES") && !dfe.contains("QUARTERLY-MAJOR-PROJECTS"), dfe.toString());
        given().auth().oauth2(DHSC).queryParam("limit", 1000).when().get(PATH)
                .then().statusCode(200)
                .body("items.code", hasItems("DHSC-WINTER-PRESSURES", "QUARTERLY-MAJOR-PROJECTS", "MONTHLY-OUTTURN"));
    }

    @Test
    void theDemoDataCanBeLoadedAgainWithoutChangingAnything() throws Exception {
        String script;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("db/demo/R__demo_reporting_requirements.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${demo}", "true");
        }
        try (Connection c = dataSource.getConnection()) {
            List<Long> before = counts(c);
            try (Statement s = c.createStatement()) {
                s.execute(script);
            }
            assertEquals(before, counts(c));
            assertEquals(6L, single(c, "SELECT count(*) FROM reporting.reporting_requirement WHERE created_by = 'demo-data'"));
            assertEquals(1L, single(c, "SELECT count(*) FROM reporting.change_event WHERE aggregate_id = '"
                    + MONTHLY_OUTTURN + "' AND event_type = 'ReportingRequirementCreated'"));
            assertEquals(1L, single(c, "SELECT count(*) FROM reporting.change_event WHERE aggregate_id = '"
                    + DHSC_WINTER + "' AND departments = ARRAY['DHSC']::varchar(16)[]"));
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> counts(Connection c) throws Exception {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("reporting_requirement", "reporting_requirement_department",
                "reporting_requirement_version", "change_event")) {
            counts.add(single(c, "SELECT count(*) FROM reporting." + table));
        }
        return counts;
    }
}
