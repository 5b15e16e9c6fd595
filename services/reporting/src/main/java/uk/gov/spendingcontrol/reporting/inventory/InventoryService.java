package uk.gov.spendingcontrol.reporting.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.spendingcontrol.reporting.feeds.Freshness;
import uk.gov.spendingcontrol.reporting.feeds.SourceView;
import uk.gov.spendingcontrol.reporting.readmodel.BudgetProjection;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;

/**
 * The data inventory: the catalogue with when each dataset last changed (the owner's feed's last applied event; the
 * requirements' own last change), as JSON and as DCAT 3 JSON-LD with its context embedded.
 */
@ApplicationScoped
public class InventoryService {

    static final Map<String, String> FREQUENCIES = Map.of("CONTINUOUS", "http://purl.org/cld/freq/continuous",
            "MONTHLY", "http://purl.org/cld/freq/monthly", "QUARTERLY", "http://purl.org/cld/freq/quarterly",
            "ANNUALLY", "http://purl.org/cld/freq/annual", "IRREGULAR", "http://purl.org/cld/freq/irregular");
    static final String ACCESS_RIGHTS = "http://publications.europa.eu/resource/authority/access-right/";

    private final Freshness freshness;
    private final Sql sql;

    public InventoryService(Freshness freshness, Sql sql) {
        this.freshness = freshness;
        this.sql = sql;
    }

    /** Every dataset with its last update. */
    @Transactional
    public List<Dataset> datasets() {
        Map<String, SourceView> sources = freshness.all();
        OffsetDateTime requirements = sql.one("SELECT max(updated_at) FROM reporting_requirement",
                rs -> rs.getObject(1, OffsetDateTime.class));
        List<Dataset> out = new ArrayList<>();
        for (Dataset d : Catalogue.DATASETS) {
            String owner = d.id().equals("reporting.spending") ? BudgetProjection.SOURCE : d.owner();
            OffsetDateTime at = d.id().equals("reporting.requirements") ? requirements
                    : sources.containsKey(owner) ? sources.get(owner).lastChangedAt() : null;
            out.add(d.withLastUpdated(at));
        }
        return out;
    }

    /** The inventory as a DCAT 3 catalogue in JSON-LD, its context embedded, IRIs absolute under {@code base}. */
    public Map<String, Object> dcat(URI base) {
        String root = base.toString().replaceAll("/+$", "");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", context());
        doc.put("@id", root + "/api/v1/open/data-inventory.jsonld");
        doc.put("@type", "dcat:Catalog");
        doc.put("dct:title", "Spending Control data inventory");
        doc.put("dct:description", "Every dataset of the Spending Control suite: what it holds, who owns it, how"
                + " fresh it is and how to get it.");
        doc.put("dct:publisher", agent(root, "reporting"));
        doc.put("dcat:landingPage", Map.of("@id", root + "/api/v1/open/data-inventory"));
        List<Object> datasets = new ArrayList<>();
        for (Dataset d : datasets()) {
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("@id", root + "/api/v1/open/data-inventory#" + d.id());
            ds.put("@type", "dcat:Dataset");
            ds.put("dct:identifier", d.id());
            ds.put("dct:title", d.title());
            ds.put("dct:description", d.description());
            ds.put("dct:publisher", agent(root, d.owner()));
            ds.put("dct:accrualPeriodicity", Map.of("@id", FREQUENCIES.get(d.updateFrequency())));
            if (d.lastUpdated() != null) {
                ds.put("dct:modified", Map.of("@value", d.lastUpdated().toString(), "@type", "xsd:dateTime"));
            }
            ds.put("dct:accessRights", Map.of("@id", ACCESS_RIGHTS + (d.accessLevel().equals("OPEN") ? "PUBLIC"
                    : "RESTRICTED")));
            List<Object> distributions = new ArrayList<>();
            distributions.add(distribution(root, d.access().api(), "API", "application/json"));
            if (d.access().changeFeed() != null) {
                distributions.add(distribution(root, d.access().changeFeed(), "Change feed", "application/json"));
            }
            for (String export : d.access().exports()) {
                distributions.add(distribution(root, export, "Export", export.endsWith(".csv") ? "text/csv"
                        : export.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "application/json"));
            }
            ds.put("dcat:distribution", distributions);
            List<Object> columns = new ArrayList<>();
            for (Dataset.Field f : d.fields()) {
                columns.add(Map.of("@type", "csvw:Column", "csvw:name", f.name(), "csvw:datatype", f.type(),
                        "dct:description", f.description()));
            }
            ds.put("csvw:tableSchema", Map.of("@type", "csvw:Schema", "csvw:column", columns));
            datasets.add(ds);
        }
        doc.put("dcat:dataset", datasets);
        return doc;
    }

    private static Map<String, Object> distribution(String root, String path, String title, String mediaType) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@type", "dcat:Distribution");
        d.put("dct:title", title);
        d.put("dcat:accessURL", Map.of("@id", root + path));
        d.put("dcat:mediaType", Map.of("@id", "https://www.iana.org/assignments/media-types/" + mediaType));
        return d;
    }

    private static Map<String, Object> agent(String root, String service) {
        return Map.of("@id", root + "/#service-" + service, "@type", "foaf:Agent", "foaf:name",
                "Spending Control " + service + " service");
    }

    private static Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dcat", "http://www.w3.org/ns/dcat#");
        c.put("dct", "http://purl.org/dc/terms/");
        c.put("foaf", "http://xmlns.com/foaf/0.1/");
        c.put("csvw", "http://www.w3.org/ns/csvw#");
        c.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        return c;
    }
}
