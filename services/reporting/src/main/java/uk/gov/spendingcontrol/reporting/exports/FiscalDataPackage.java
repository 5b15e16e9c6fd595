package uk.gov.spendingcontrol.reporting.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fiscal Data Package descriptor (the open standard OpenSpending reads) of budgets, forecasts and outturn: one
 * tabular resource, spending.csv, whose measures are allocated (approved budget), forecast (adjusted) and outturn
 * (executed), in pounds, by financial year, department, programme and budget boundary.
 */
final class FiscalDataPackage {

    private FiscalDataPackage() {
    }

    static Map<String, Object> descriptor() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("profile", "tabular-data-package");
        p.put("name", "spending-control-spending");
        p.put("title", "UK government spending: budgets, forecasts and outturn by department and programme");
        p.put("description", "Allocated budget, full-year forecast and outturn to date per financial year, department,"
                + " programme and budget boundary, from the departments' monthly returns to the Treasury (Spending"
                + " Control). Pounds sterling.");
        p.put("countryCode", "GB");
        p.put("granularity", "aggregated");
        p.put("licenses", List.of(Map.of("name", "OGL-UK-3.0", "title", "Open Government Licence v3.0",
                "path", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("profile", "tabular-data-resource");
        resource.put("name", "spending");
        resource.put("path", "spending.csv");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("schema", Map.of(
                "fields", List.of(
                        field("financialYear", "string", "Financial year, April to March, such as 2026-27"),
                        field("department", "string", "Department code"),
                        field("programme", "string", "Programme code"),
                        field("boundary", "string", "Budget boundary: RESOURCE_DEL_ADMIN, RESOURCE_DEL_PROGRAMME,"
                                + " CAPITAL_DEL or AME"),
                        money("allocated", "Budget allocated to the programme for the year"),
                        money("forecast", "Forecast for the full year in the department's latest return"),
                        money("outturn", "Spent to date in the department's latest return")),
                "primaryKey", List.of("financialYear", "department", "programme", "boundary")));
        p.put("resources", List.of(resource));
        Map<String, Object> measures = new LinkedHashMap<>();
        measures.put("allocated", measure("allocated", "approved"));
        measures.put("forecast", measure("forecast", "adjusted"));
        measures.put("outturn", measure("outturn", "executed"));
        Map<String, Object> dimensions = new LinkedHashMap<>();
        dimensions.put("financial_year", dimension("financialYear", "datetime"));
        dimensions.put("department", dimension("department", "entity"));
        dimensions.put("programme", dimension("programme", "activity"));
        Map<String, Object> boundary = dimension("boundary", "classification");
        boundary.put("classificationType", "economic");
        dimensions.put("boundary", boundary);
        p.put("model", Map.of("measures", measures, "dimensions", dimensions));
        return p;
    }

    private static Map<String, Object> field(String name, String type, String description) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("type", type);
        f.put("description", description);
        f.put("constraints", Map.of("required", true));
        return f;
    }

    private static Map<String, Object> money(String name, String description) {
        Map<String, Object> f = field(name, "number", description + " (pounds)");
        f.put("decimalChar", ".");
        return f;
    }

    private static Map<String, Object> measure(String source, String phase) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("currency", "GBP");
        m.put("direction", "expenditure");
        m.put("phase", phase);
        return m;
    }

    private static Map<String, Object> dimension(String source, String type) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("attributes", Map.of(source, Map.of("source", source)));
        d.put("primaryKey", source);
        d.put("dimensionType", type);
        return d;
    }
}
