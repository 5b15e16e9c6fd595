package uk.gov.spendingcontrol.web.cabinetoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.web.api.Api;
import uk.gov.spendingcontrol.web.api.ApiProblem;
import uk.gov.spendingcontrol.web.errors.PageException;
import uk.gov.spendingcontrol.web.pages.ErrorSummary;
import uk.gov.spendingcontrol.web.pages.Format;
import uk.gov.spendingcontrol.web.pages.PathIds;

/**
 * Delegated authority for the Cabinet Office (and the Treasury, which owns the delegated-authority rule sets): "does
 * this need approval?" with the explained answer, the rule sets, a draft with changed thresholds, its impact on the
 * last year's proposals, and its approval by a second administrator (the maker may not approve: the service says so).
 */
@Path("/cabinet-office")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.CABINET_OFFICE_ADMIN, Roles.TREASURY_SPENDING })
public class DelegationPages {

    static final List<String> CATEGORIES = List.of("CAPITAL_PROJECT", "RESOURCE_PROGRAMME", "DIGITAL_AND_TECHNOLOGY",
            "COMMERCIAL", "ADVERTISING_AND_MARKETING", "CONTINGENT_LABOUR", "PROPERTY", "CONSULTANCY");
    static final List<String> STAGES = List.of("STRATEGIC_OUTLINE_CASE", "OUTLINE_BUSINESS_CASE", "FULL_BUSINESS_CASE");
    private static final String RULES = "/api/v1/delegation-rules";
    static final List<String> DECISION_FIELDS = List.of("department", "category", "stage", "wholeLifeCost", "annualCost",
            "description", "novel", "contentious", "repercussive");
    static final List<String> DRAFT_FIELDS = List.of("effectiveFrom", "note");

    private final Api api;
    private final ObjectMapper json;
    private final Template home;
    private final Template decision;
    private final Template ruleSet;
    private final Template version;

    DelegationPages(Api api, ObjectMapper json, @Location("cabinet-office/home.html") Template home,
            @Location("cabinet-office/decision.html") Template decision,
            @Location("cabinet-office/rule-set.html") Template ruleSet,
            @Location("cabinet-office/version.html") Template version) {
        this.api = api;
        this.json = json;
        this.home = home;
        this.decision = decision;
        this.ruleSet = ruleSet;
        this.version = version;
    }

    @GET
    public TemplateInstance home() {
        return home(blank(DECISION_FIELDS), ErrorSummary.none());
    }

    private TemplateInstance home(Map<String, String> entered, ErrorSummary errors) {
        List<Map<String, String>> departments = new ArrayList<>();
        for (JsonNode d : api.get("budget", "/api/v1/departments").path("items")) {
            departments.add(Map.of("code", d.path("code").asText(), "name", d.path("name").asText(d.path("code").asText())));
        }
        List<Map<String, String>> sets = new ArrayList<>();
        for (JsonNode s : api.get("delegation-rules", RULES + "/rule-sets", Map.of("limit", 100)).path("items")) {
            sets.add(Map.of("id", s.path("id").asText(), "department", s.path("department").asText(),
                    "title", s.path("title").asText(s.path("name").asText()), "owner", Format.words(s.path("owner").asText()),
                    "inForce", s.path("inForce").path("version").asText("none"),
                    "draft", s.path("draft").isNumber() ? s.path("draft").asText() : ""));
        }
        return home.data("departments", departments).data("ruleSets", sets).data("categories", options(CATEGORIES))
                .data("stages", options(STAGES)).data("entered", entered).data("errors", errors);
    }

    /** "Does this need approval?": the proposal is checked here for what a person can get wrong, then asked. */
    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(MultivaluedMap<String, String> form) {
        Map<String, String> entered = new LinkedHashMap<>();
        for (String field : List.of("department", "category", "stage", "wholeLifeCost", "annualCost", "description")) {
            String v = form.getFirst(field);
            entered.put(field, v == null ? "" : v.trim());
        }
        for (String flag : List.of("novel", "contentious", "repercussive")) {
            entered.put(flag, form.getFirst(flag) == null ? "" : "yes");
        }
        ErrorSummary errors = new ErrorSummary();
        if (entered.get("department").isEmpty()) {
            errors.add("department", "Select the department");
        }
        if (!CATEGORIES.contains(entered.get("category"))) {
            errors.add("category", "Select the kind of spending");
        }
        if (!entered.get("stage").isEmpty() && !STAGES.contains(entered.get("stage"))) {
            errors.add("stage", "Select the business case stage, or none");
        }
        BigDecimal wholeLife = pounds(entered.get("wholeLifeCost"));
        if (wholeLife == null) {
            errors.add("wholeLifeCost", "Enter the whole-life cost in pounds, like 12500000 or 12500000.50");
        }
        BigDecimal annual = pounds(entered.get("annualCost"));
        if (annual == null) {
            errors.add("annualCost", "Enter the annual cost in pounds, like 2500000");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML).entity(home(entered, errors).render()).build();
        }
        ObjectNode body = json.createObjectNode();
        body.put("department", entered.get("department"));
        body.put("category", entered.get("category"));
        if (!entered.get("stage").isEmpty()) {
            body.put("stage", entered.get("stage"));
        }
        body.put("wholeLifeCost", wholeLife);
        body.put("annualCost", annual);
        body.put("novel", !entered.get("novel").isEmpty());
        body.put("contentious", !entered.get("contentious").isEmpty());
        body.put("repercussive", !entered.get("repercussive").isEmpty());
        if (!entered.get("description").isEmpty()) {
            body.put("description", entered.get("description"));
        }
        try {
            Api.Answer answer = api.postJson("delegation-rules", RULES + "/decisions", body, Map.of());
            return Response.seeOther(URI.create("/cabinet-office/decisions/" + answer.body().path("id").asText())).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422) {
                throw problem;
            }
            for (ApiProblem.FieldError e : problem.fieldErrors()) {
                errors.add(entered.containsKey(e.field()) ? e.field() : "department", e.message());
            }
            if (errors.isEmpty()) {
                errors.add("department", problem.detail());
            }
            return Response.status(400).type(MediaType.TEXT_HTML).entity(home(entered, errors).render()).build();
        }
    }

    @GET
    @Path("decisions/{id}")
    public TemplateInstance decision(@PathParam("id") String id) {
        JsonNode d = api.get("delegation-rules", RULES + "/decisions/" + PathIds.uuid(id));
        List<Map<String, String>> fired = new ArrayList<>();
        for (JsonNode r : d.path("firedRules")) {
            fired.add(Map.of("id", r.path("ruleId").asText(r.path("id").asText("")), "kind", Format.words(r.path("kind").asText()),
                    "approver", Format.words(r.path("approver").asText("")), "reason", r.path("reason").asText()));
        }
        List<Map<String, String>> held = new ArrayList<>();
        for (JsonNode r : d.path("withinLimits")) {
            held.add(Map.of("reason", r.path("reason").asText(r.toString())));
        }
        List<Map<String, String>> needed = new ArrayList<>();
        for (JsonNode a : d.path("approvalsNeeded")) {
            needed.add(Map.of("approver", Format.words(a.path("approver").asText()),
                    "spendControls", String.join(", ", Format.texts(a.path("spendControls")).stream().map(Format::words).toList()),
                    "rules", String.join(", ", Format.texts(a.path("rules")))));
        }
        List<Map<String, String>> versions = new ArrayList<>();
        for (JsonNode v : d.path("ruleSetVersions")) {
            versions.add(Map.of("ruleSet", v.path("ruleSet").asText(), "version", v.path("version").asText(),
                    "effectiveFrom", v.path("effectiveFrom").asText()));
        }
        JsonNode p = d.path("proposal");
        return decision.data("needsApproval", "NEEDS_APPROVAL".equals(d.path("outcome").asText()))
                .data("department", d.path("department").asText()).data("asAt", d.path("asAt").asText())
                .data("category", Format.words(p.path("category").asText()))
                .data("wholeLifeCost", Format.pounds(Format.decimal(p.path("wholeLifeCost"))))
                .data("fired", fired).data("held", held).data("needed", needed).data("versions", versions);
    }

    @GET
    @Path("rule-sets/{id}")
    public TemplateInstance ruleSet(@PathParam("id") String id) {
        return ruleSetPage(PathIds.uuid(id), blank(DRAFT_FIELDS), ErrorSummary.none());
    }

    private TemplateInstance ruleSetPage(String id, Map<String, String> entered, ErrorSummary errors) {
        JsonNode set = api.get("delegation-rules", RULES + "/rule-sets/" + id);
        List<Map<String, String>> versions = new ArrayList<>();
        for (JsonNode v : api.get("delegation-rules", RULES + "/rule-sets/" + id + "/versions", Map.of("limit", 50)).path("items")) {
            versions.add(Map.of("number", v.path("number").asText(), "status", Format.words(v.path("status").asText()),
                    "effectiveFrom", v.path("effectiveFrom").asText(), "note", v.path("note").asText("")));
        }
        List<Map<String, String>> thresholds = new ArrayList<>();
        if (set.path("inForce").path("version").isNumber()) {
            JsonNode inForce = api.get("delegation-rules", RULES + "/rule-sets/" + id + "/versions/"
                    + set.path("inForce").path("version").asInt());
            thresholds = thresholds(inForce.path("rules"), entered);
        }
        return ruleSet.data("set", Map.of("id", id, "title", set.path("title").asText(set.path("name").asText()),
                "department", set.path("department").asText(), "owner", Format.words(set.path("owner").asText()),
                "inForce", set.path("inForce").path("version").asText("none"),
                "draft", set.path("draft").isNumber() ? set.path("draft").asText() : ""))
                .data("versions", versions).data("thresholds", thresholds).data("entered", entered).data("errors", errors);
    }

    /** A draft: the rules in force with the thresholds entered, from the effective date entered. */
    @POST
    @Path("rule-sets/{id}/drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        String id = PathIds.uuid(rawId);
        JsonNode set = api.get("delegation-rules", RULES + "/rule-sets/" + id);
        if (!set.path("inForce").path("version").isNumber()) {
            throw new PageException(404, null, null);
        }
        ObjectNode rules = (ObjectNode) api.get("delegation-rules", RULES + "/rule-sets/" + id + "/versions/"
                + set.path("inForce").path("version").asInt()).path("rules").deepCopy();
        for (String list : List.of("limits", "spendControls", "conditions")) {
            if (!rules.path(list).isArray()) {
                rules.putArray(list);   // the service leaves empty lists out of a version, and wants them in a draft
            }
        }
        Map<String, String> entered = blank(DRAFT_FIELDS);
        form.forEach((k, v) -> entered.put(k, v.isEmpty() ? "" : v.get(0).trim()));
        ErrorSummary errors = new ErrorSummary();
        String effectiveFrom = entered.getOrDefault("effectiveFrom", "");
        try {
            if (LocalDate.parse(effectiveFrom).isBefore(LocalDate.now(java.time.ZoneId.of("Europe/London")))) {
                errors.add("effectiveFrom", "The date it takes effect must be today or later");
            }
        } catch (DateTimeParseException e) {
            errors.add("effectiveFrom", "Enter the date it takes effect like 2027-04-01");
        }
        if (entered.getOrDefault("note", "").isEmpty()) {
            errors.add("note", "Enter a note saying what changes and why");
        }
        for (String list : List.of("limits", "spendControls")) {
            for (JsonNode rule : rules.path(list)) {
                String field = "rule-" + rule.path("id").asText();
                BigDecimal value = pounds(entered.getOrDefault(field, ""));
                if (value == null) {
                    errors.add(field, "Enter the whole-life threshold of rule " + rule.path("id").asText() + " in pounds");
                } else {
                    ((ObjectNode) rule).put("wholeLifeCost", value);
                }
            }
        }
        if (errors.isEmpty()) {
            ObjectNode body = json.createObjectNode();
            body.put("effectiveFrom", effectiveFrom);
            body.put("note", entered.get("note"));
            body.set("rules", rules);
            try {
                Api.Answer answer = api.postJson("delegation-rules", RULES + "/rule-sets/" + id + "/versions", body, Map.of());
                return Response.seeOther(URI.create("/cabinet-office/rule-sets/" + id + "/versions/"
                        + answer.body().path("number").asInt())).build();
            } catch (ApiProblem problem) {
                if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 404) {
                    throw problem;
                }
                for (ApiProblem.FieldError e : problem.fieldErrors()) {
                    boolean own = e.field().equals("effectiveFrom") || e.field().equals("note");
                    errors.add(own ? e.field() : "effectiveFrom", own ? e.message() : e.field() + ": " + e.message());
                }
                if (errors.isEmpty()) {
                    errors.add("effectiveFrom", problem.detail());
                }
            }
        }
        return Response.status(400).type(MediaType.TEXT_HTML).entity(ruleSetPage(id, entered, errors).render()).build();
    }

    @GET
    @Path("rule-sets/{id}/versions/{number}")
    public TemplateInstance version(@PathParam("id") String id, @PathParam("number") String number) {
        return versionPage(PathIds.uuid(id), versionNumber(number), ErrorSummary.none());
    }

    @POST
    @Path("rule-sets/{id}/versions/{number}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String rawId, @PathParam("number") String rawNumber,
            MultivaluedMap<String, String> form) {
        String id = PathIds.uuid(rawId);
        int number = versionNumber(rawNumber);
        String revision = form.getFirst("revision");
        if (revision == null || !revision.matches("[0-9]{1,9}")) {
            throw new PageException(400, "This form has expired", "Go back, reload the page and try again.");
        }
        ErrorSummary errors = new ErrorSummary();
        try {
            api.post("delegation-rules", RULES + "/rule-sets/" + id + "/versions/" + number + "/approval", Map.of(),
                    null, null, Map.of("If-Match", "\"" + revision + "\""));
            return Response.seeOther(URI.create("/cabinet-office/rule-sets/" + id + "/versions/" + number)).build();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 404) {
                throw problem;
            }
            errors.add("approve", problem.status() == 412
                    ? "The draft has changed since you opened it: check it again below"
                    : problem.detail());
        }
        return Response.status(409).type(MediaType.TEXT_HTML).entity(versionPage(id, number, errors).render()).build();
    }

    private TemplateInstance versionPage(String id, int number, ErrorSummary errors) {
        String base = RULES + "/rule-sets/" + id + "/versions/" + number;
        JsonNode v = api.get("delegation-rules", base);
        boolean draft = "DRAFT".equals(v.path("status").asText());
        Map<String, Object> impact = null;
        if (draft) {
            JsonNode i = api.get("delegation-rules", base + "/impact");
            List<Map<String, String>> categories = new ArrayList<>();
            for (JsonNode c : i.path("byCategory")) {
                categories.add(Map.of("category", Format.words(c.path("category").asText()),
                        "proposals", c.path("proposals").asText(), "becomeCentral", c.path("becomeCentral").asText(),
                        "becomeDelegated", c.path("becomeDelegated").asText(),
                        "wholeLifeCostChanged", Format.pounds(Format.decimal(c.path("wholeLifeCostChanged")))));
            }
            impact = new LinkedHashMap<>();
            impact.put("months", i.path("months").asText());
            impact.put("proposals", i.path("proposals").asText());
            impact.put("changed", i.path("changed").asText());
            impact.put("becomeCentral", i.path("becomeCentral").asText());
            impact.put("becomeDelegated", i.path("becomeDelegated").asText());
            impact.put("approvalsChange", i.path("approvalsChange").asText());
            impact.put("categories", categories);
        }
        return version.data("v", Map.of("id", id, "number", String.valueOf(number), "ruleSet", v.path("ruleSet").asText(),
                "department", v.path("department").asText(), "status", Format.words(v.path("status").asText()),
                "effectiveFrom", v.path("effectiveFrom").asText(), "note", v.path("note").asText(""),
                "makers", String.join(", ", Format.texts(v.path("makers"))), "approvedBy", v.path("approvedBy").asText(""),
                "revision", v.path("revision").asText()))
                .data("draft", draft).data("thresholds", thresholds(v.path("rules"), Map.of()))
                .data("impact", impact).data("errors", errors);
    }

    private static List<Map<String, String>> thresholds(JsonNode rules, Map<String, String> entered) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String list : List.of("limits", "spendControls")) {
            for (JsonNode r : rules.path(list)) {
                String field = "rule-" + r.path("id").asText();
                BigDecimal wlc = Format.decimal(r.path("wholeLifeCost"));
                rows.add(Map.of("id", r.path("id").asText(), "field", field,
                        "kind", list.equals("limits") ? "Delegated limit" : "Spend control",
                        "category", Format.words(r.path("category").asText()),
                        "stage", Format.words(r.path("stage").asText("")),
                        "value", entered.getOrDefault(field, wlc == null ? "" : wlc.toPlainString()),
                        "text", Format.pounds(wlc)));
            }
        }
        return rows;
    }

    private static int versionNumber(String number) {
        if (number == null || !number.matches("[1-9][0-9]{0,8}")) {
            throw new PageException(404, null, null);
        }
        return Integer.parseInt(number);
    }

    /** Pounds as typed: digits, optional commas, at most 2 decimals; null when it is not that. */
    static BigDecimal pounds(String text) {
        String t = text == null ? "" : text.replace(",", "").replace("£", "").trim();
        if (!t.matches("[0-9]{1,13}(\\.[0-9]{1,2})?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** A form's fields, all empty: what a page shows before anything is entered. */
    private static Map<String, String> blank(List<String> fields) {
        Map<String, String> entered = new LinkedHashMap<>();
        fields.forEach(f -> entered.put(f, ""));
        return entered;
    }

    private static List<Map<String, String>> options(List<String> codes) {
        return codes.stream().map(c -> Map.of("value", c, "text", Format.words(c))).toList();
    }

}
