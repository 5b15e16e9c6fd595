package uk.gov.spendingcontrol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OpenAPI contract of a service: the document it serves must equal the one committed under {@code docs/api/},
 * and must pass the house lint rules. Run the tests with {@code -Dsc.openapi.write=true} (or
 * {@code make openapi}) to rewrite the committed document after an intended API change.
 */
public final class OpenApiContract {

    /** Kebab-case segments under /api/v1; the last may name a file of a standard format (datapackage.json, x.csv). */
    private static final Pattern PATH = Pattern.compile(
            "^/api/v1(/([a-z0-9]+(-[a-z0-9]+)*|\\{[a-zA-Z]+\\}))*(/([a-z0-9]+(-[a-z0-9]+)*|\\{[a-zA-Z]+\\}))"
                    + "(\\.(json|jsonld|csv|xlsx))?$");

    private OpenApiContract() {
    }

    /** Compares the served document with docs/api/{name}.yaml; returns the lint findings (empty when clean). */
    public static void assertCommittedAndClean(String name) throws IOException {
        String served = ManagementInterface.given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Path committed = Repo.root().resolve("docs/api/" + name + ".yaml");
        if (Boolean.getBoolean("sc.openapi.write")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        if (!Files.exists(committed)) {
            throw new AssertionError("No committed OpenAPI document at " + committed
                    + ": run 'make openapi' and commit it");
        }
        String expected = Files.readString(committed, StandardCharsets.UTF_8);
        if (!expected.equals(served)) {
            throw new AssertionError("The committed OpenAPI document " + committed + " is stale: run 'make openapi'"
                    + " and commit it. First difference at line " + firstDifferentLine(expected, served));
        }
        String json = ManagementInterface.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        List<String> findings = lint(new ObjectMapper().readTree(json));
        if (!findings.isEmpty()) {
            throw new AssertionError("OpenAPI lint findings:\n  " + String.join("\n  ", findings));
        }
    }

    /** The house rules for an OpenAPI document (CONVENTIONS.md, APIs). */
    public static List<String> lint(JsonNode doc) {
        List<String> findings = new ArrayList<>();
        JsonNode paths = doc.path("paths");
        if (paths.isEmpty()) {
            findings.add("the document has no paths");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!PATH.matcher(path.getKey()).matches()) {
                findings.add(path.getKey() + ": paths are kebab-case under /api/v1");
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                lintOperation(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), findings);
            }
        }
        return findings;
    }

    private static void lintOperation(String where, JsonNode op, List<String> findings) {
        if (op.path("summary").asText().isBlank()) {
            findings.add(where + ": no summary");
        }
        if (op.path("operationId").asText().isBlank()) {
            findings.add(where + ": no operationId");
        }
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> r = it.next();
            String code = r.getKey();
            if (code.startsWith("2") || code.startsWith("3")) {
                success = true;
            } else if ((code.startsWith("4") || code.startsWith("5"))
                    && !code.equals("401") && !code.equals("403")
                    && !r.getValue().path("content").has("application/problem+json")) {
                findings.add(where + ": response " + code + " is not declared as application/problem+json");
            }
        }
        if (!success) {
            findings.add(where + ": no success response");
        }
        boolean secured = op.has("security") && !op.path("security").isEmpty();
        if (secured && (!responses.has("401") || !responses.has("403"))) {
            findings.add(where + ": secured, but 401 and 403 are not both documented");
        }
        if (!secured && !op.path("x-public").asBoolean(false)) {
            findings.add(where + ": declares no security; mark public data with the extension x-public: true");
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
