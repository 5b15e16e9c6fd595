package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exports: CSV and XLSX of views and open data with the figures fed in, who may download what, and the Fiscal Data
 * Package validated against the Data Package, Tabular Data Package and Fiscal Data Package JSON Schema profiles
 * (draft-04, from the npm package datapackage@1.1.10).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest {

    static final String HMT = FeedFollowerTest.HMT;
    static final String YEAR = "2026-27";
    static final String ROW = "2026-27,EXA,EXA-P,CAPITAL_DEL,100.00,120.00,50.00";
    private boolean fed;

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Events.programme("EXA-P", "Export, \"quoted\"", "EXA", List.of(), "ACTIVE");
        Events.adjustment("EXA", YEAR, "CAPITAL_DEL", "110.00");
        Events.allocation(Events.newId(), "EXA", "EXA-P", YEAR, "CAPITAL_DEL", "100.00");
        Events.returnSubmitted("EXA", YEAR, 4, 1, List.of(Events.total("EXA-P", "CAPITAL_DEL", "50.00", "120.00")));
        Events.plan("exa-plan", "EXA", YEAR, "PUBLISHED", List.of(Events.planOutcome("exa-o", "=Cleaner air", null,
                List.of())));
        for (String source : List.of(Events.BUDGET, Events.ODP)) {
            long head = FeedServer.head(source);
            FeedFollowerTest.await(() -> ViewsTest.sourcePosition(source) >= head);
        }
    }

    @Test
    void fiscalDataPackageIsValidAgainstTheProfiles() throws Exception {
        String descriptor = given().when().get("/api/v1/open/fiscal-data-package/datapackage.json").then()
                .statusCode(200).extract().asString();
        for (String profile : List.of("data-package", "tabular-data-package", "fiscal-data-package")) {
            List<Error> errors = schema(profile).validate(descriptor, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), profile);
        }
        // the profiles can fail: without its model (measures, dimensions) it is no Fiscal Data Package
        String noModel = descriptor.replaceFirst("\"model\"", "\"notModel\"");
        assertFalse(schema("fiscal-data-package").validate(noModel, InputFormat.JSON).isEmpty());

        String csv = given().when().get("/api/v1/open/fiscal-data-package/spending.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals("financialYear,department,programme,boundary,allocated,forecast,outturn", lines.get(0));
        assertTrue(lines.contains(ROW), csv);
        // every row has the seven fields of the schema, and the primary key is unique
        assertTrue(lines.stream().allMatch(l -> l.split(",", -1).length == 7));
        assertEquals(lines.size(), lines.stream().map(l -> String.join(",", Arrays.asList(l.split(",")).subList(0, 4)))
                .distinct().count());
    }

    static Schema schema(String profile) {
        InputStream in = ExportsTest.class.getResourceAsStream("/datapackage-profiles/" + profile + ".json");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }

    @Test
    void openSpendingAsCsvAndXlsx() throws Exception {
        String csv = given().queryParam("financialYear", YEAR).when().get("/api/v1/open/exports/spending.csv").then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"spending.csv\"").extract()
                .asString();
        assertTrue(Arrays.asList(csv.split("\r\n")).contains(ROW));
        assertFalse(csv.contains("2025-26,"), "only the year asked for");

        byte[] xlsx = given().when().get("/api/v1/open/exports/spending.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals("financialYear", rows.get(0).getCellText(0));
            Row exa = rows.stream().filter(r -> "EXA".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertEquals("EXA-P", exa.getCellText(2));
            assertEquals(0, new java.math.BigDecimal("120").compareTo(exa.getCell(5).asNumber()));
        }

        String plans = given().when().get("/api/v1/open/exports/published-plans.csv").then().statusCode(200).extract()
                .asString();
        // a title that looks like a spreadsheet formula is written as text
        assertTrue(plans.contains("exa-plan,EXA,2026-27,1,"), plans);
        assertTrue(plans.contains(",'=Cleaner air"), plans);
    }

    @Test
    void viewsExportWithTheViewsAccess() {
        String gov = given().auth().oauth2(HMT).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/exports/government.csv").then().statusCode(200).extract().asString();
        assertTrue(gov.startsWith("department,controlTotal,allocated,forecastFullYear,outturnYearToDate,headroom,"));
        assertTrue(gov.contains("\r\nEXA,110.00,100.00,120.00,50.00,-10.00,2,"), gov);

        String programmes = given().auth().oauth2(HMT).queryParam("financialYear", YEAR).queryParam("department", "EXA")
                .when().get("/api/v1/reporting/exports/department-programmes.csv").then().statusCode(200).extract()
                .asString();
        assertTrue(programmes.contains("EXA-P,\"Export, \"\"quoted\"\"\",100.00,120.00,50.00,20.00"), programmes);

        given().when().get("/api/v1/reporting/exports/government.csv").then().statusCode(401);
        given().auth().oauth2(uk.gov.spendingcontrol.testing.TestTokens.user("exb", "EXB", "department-reader"))
                .queryParam("department", "EXA").when().get("/api/v1/reporting/exports/department-programmes.xlsx")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(HMT).when().get("/api/v1/reporting/exports/department-programmes.csv").then()
                .statusCode(400).body("errors[0].field", equalTo("department"));
        given().auth().oauth2(HMT).when().get("/api/v1/reporting/exports/everything.csv").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/open/exports/spending.pdf").then().statusCode(404);
    }
}
