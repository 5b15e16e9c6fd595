package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The data inventory: open to anyone, as JSON and as DCAT 3 JSON-LD that conforms to SHACL shapes (Apache Jena). */
@QuarkusTest
class DataInventoryTest {

    static final String DCAT = "http://www.w3.org/ns/dcat#";

    @Test
    void jsonListsEveryDatasetWithOwnerFieldsFrequencyAccessAndFreshness() {
        Events.adjustment("DIA", "2026-27", "AME", "1.00");
        long head = FeedServer.head(Events.BUDGET);
        FeedFollowerTest.await(() -> ViewsTest.sourcePosition(Events.BUDGET) >= head);

        JsonPath inv = given().when().get("/api/v1/open/data-inventory").then().statusCode(200).extract().jsonPath();
        List<String> ids = inv.getList("datasets.id");
        assertTrue(ids.containsAll(List.of("budget.control-totals", "budget.returns", "outcome-delivery-plan.plans",
                "outcome-delivery-plan.metrics", "delegation-rules.approvals", "reporting.requirements",
                "reporting.spending")), ids.toString());
        String returns = "datasets.find { it.id == 'budget.returns' }.";
        assertEquals("budget", inv.getString(returns + "owner"));
        assertEquals("MONTHLY", inv.getString(returns + "updateFrequency"));
        assertEquals("OFFICIAL", inv.getString(returns + "accessLevel"));
        assertEquals("/api/v1/returns", inv.getString(returns + "access.api"));
        assertEquals("/api/v1/change-feeds/budget", inv.getString(returns + "access.changeFeed"));
        assertTrue(inv.getList(returns + "fields.name").contains("forecastFullYear"));
        assertEquals("number", inv.getString(returns + "fields.find { it.name == 'forecastFullYear' }.type"));
        assertNotNull(inv.getString(returns + "lastUpdated"), "the budget feed has changed: its datasets have a date");
        assertEquals("OPEN", inv.getString("datasets.find { it.id == 'outcome-delivery-plan.plans' }.accessLevel"));
        // the demo requirements were loaded: the requirements dataset has a last update
        assertNotNull(inv.getString("datasets.find { it.id == 'reporting.requirements' }.lastUpdated"));
    }

    @Test
    void dcatJsonLdConformsToTheShapes() throws Exception {
        String body = given().when().get("/api/v1/open/data-inventory.jsonld").then().statusCode(200)
                .contentType("application/ld+json").extract().asString();
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(body)).lang(Lang.JSONLD).parse(model);
        int datasets = model.listSubjectsWithProperty(model.createProperty(
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), model.createResource(DCAT + "Dataset")).toList()
                .size();
        int inJson = given().when().get("/api/v1/open/data-inventory").then().extract().jsonPath()
                .getList("datasets").size();
        assertEquals(inJson, datasets);

        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("dcat-shapes.ttl"));
        ValidationReport report = ShaclValidator.get().validate(shapes, model.getGraph());
        if (!report.conforms()) {
            org.apache.jena.shacl.lib.ShLib.printReport(report);
        }
        assertTrue(report.conforms());

        // the shapes can fail: a dataset without a title, or with a distribution lacking its URL, does not conform
        Graph broken = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(body.replaceFirst("\"dct:title\" : \"Control totals\",", "")
                .replaceFirst("\"dct:title\":\"Control totals\",", "")
                .replaceFirst("\"dcat:accessURL\"", "\"dcat:nothing\""))).lang(Lang.JSONLD).parse(broken);
        ValidationReport failing = ShaclValidator.get().validate(shapes, broken);
        assertFalse(failing.conforms());
        assertTrue(failing.getEntries().stream().anyMatch(e -> e.resultPath().toString().contains("accessURL")));
    }
}
