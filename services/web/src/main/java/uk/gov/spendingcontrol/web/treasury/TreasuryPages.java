package uk.gov.spendingcontrol.web.treasury;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.web.api.Api;
import uk.gov.spendingcontrol.web.api.ApiProblem;
import uk.gov.spendingcontrol.web.errors.PageException;
import uk.gov.spendingcontrol.web.pages.ErrorSummary;
import uk.gov.spendingcontrol.web.pages.Format;
import uk.gov.spendingcontrol.web.pages.PathIds;
import uk.gov.spendingcontrol.web.returns.ReturnRows;

/**
 * The Treasury's pages: every department's position (sortable by overspend risk), the returns waiting for review
 * (confirm, or reject with a comment) and the approvals waiting, with their ages.
 */
@Path("/treasury")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER })
public class TreasuryPages {

    private final Api api;
    private final Template home;
    private final Template review;

    TreasuryPages(Api api, @Location("treasury/home.html") Template home, @Location("treasury/review.html") Template review) {
        this.api = api;
        this.home = home;
        this.review = review;
    }

    @GET
    public TemplateInstance home(@QueryParam("sort") String sort, @QueryParam("financialYear") String financialYear) {
        String year = uk.gov.spendingcontrol.web.department.Years.orCurrent(financialYear);
        boolean byRisk = sort == null || sort.isBlank() || "risk".equals(sort);
        List<Map<String, Object>> departments = new ArrayList<>();
        for (JsonNode d : api.get("budget", "/api/v1/variance", Map.of("financialYear", year)).path("departments")) {
            BigDecimal controlTotal = BigDecimal.ZERO;
            BigDecimal forecast = BigDecimal.ZERO;
            for (JsonNode b : d.path("boundaries")) {
                if (b.path("limited").asBoolean()) {
                    controlTotal = controlTotal.add(nz(Format.decimal(b.path("controlTotal"))));
                    forecast = forecast.add(nz(Format.decimal(b.path("forecastFullYear"))));
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("department", d.path("department").asText());
            row.put("risks", d.path("summary").path("boundariesAtOverspendRisk").asInt());
            row.put("above", d.path("summary").path("aboveBudget").asInt());
            row.put("controlTotal", Format.pounds(controlTotal));
            row.put("forecast", Format.pounds(forecast));
            row.put("headroom", Format.pounds(controlTotal.subtract(forecast)));
            row.put("headroomValue", controlTotal.subtract(forecast));
            JsonNode basedOn = d.path("basedOn");
            row.put("position", basedOn.isMissingNode() ? "No return yet"
                    : "Period " + basedOn.path("period").asInt() + " (" + Format.words(basedOn.path("status").asText()) + ")");
            departments.add(row);
        }
        Comparator<Map<String, Object>> order = byRisk
                ? Comparator.comparing((Map<String, Object> r) -> -(int) r.get("risks"))
                        .thenComparing(r -> -(int) r.get("above"))
                        .thenComparing(r -> (BigDecimal) r.get("headroomValue"))
                : Comparator.comparing(r -> (String) r.get("department"));
        departments.sort(order);

        List<Map<String, String>> waiting = new ArrayList<>();
        for (JsonNode r : api.get("budget", "/api/v1/returns", Map.of("status", "SUBMITTED", "limit", 50)).path("items")) {
            if (!r.path("superseded").asBoolean()) {
                waiting.add(ReturnRows.row(r));
            }
        }
        List<Map<String, String>> approvals = new ArrayList<>();
        for (JsonNode a : api.get("delegation-rules", "/api/v1/delegation-rules/approvals",
                Map.of("status", "PENDING", "approver", "TREASURY", "limit", 50)).path("items")) {
            long days = a.path("ageDays").asLong();
            approvals.add(Map.of("department", a.path("department").asText(),
                    "age", days == 1 ? "1 day" : days + " days",
                    "openedAt", Format.dateTime(a.path("openedAt").asText(null)),
                    "rules", String.join(", ", textList(a.path("rules")))));
        }
        return home.data("departments", departments).data("byRisk", byRisk).data("financialYear", year)
                .data("returns", waiting).data("returnBase", "/treasury/returns/").data("approvals", approvals);
    }

    @GET
    @Path("returns/{id}")
    public TemplateInstance reviewPage(@PathParam("id") String id) {
        return reviewForm(id, "", "", ErrorSummary.none());
    }

    @POST
    @Path("returns/{id}/review")
    @RolesAllowed(Roles.TREASURY_SPENDING)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") String id, @RestForm String decision, @RestForm String comment,
            @RestForm String revision) {
        String d = decision == null ? "" : decision;
        String c = comment == null ? "" : comment.trim();
        ErrorSummary errors = new ErrorSummary();
        if (!d.equals("CONFIRMED") && !d.equals("REJECTED")) {
            errors.add("decision", "Select whether to confirm or reject the return");
        }
        if (d.equals("REJECTED") && c.isEmpty()) {
            errors.add("comment", "Enter why you are rejecting the return");
        }
        if (c.length() > 2000) {
            errors.add("comment", "The comment must be 2,000 characters or fewer");
        }
        if (revision == null || !revision.matches("[0-9]{1,9}")) {
            throw new PageException(400, "This form has expired", "Go back, reload the page and try again.");
        }
        if (errors.isEmpty()) {
            try {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("decision", d);
                if (!c.isEmpty()) {
                    body.put("comment", c);
                }
                api.postJson("budget", "/api/v1/returns/" + PathIds.uuid(id) + "/review", body,
                        Map.of("If-Match", "\"" + revision + "\""));
                return Response.seeOther(URI.create("/treasury/returns/" + PathIds.uuid(id))).build();
            } catch (ApiProblem problem) {
                if (problem.status() == 409 || problem.status() == 412) {
                    errors.add("decision", problem.status() == 412
                            ? "Someone else has reviewed or changed this return since you opened it: check it again below"
                            : problem.detail());
                } else if (problem.status() == 400 || problem.status() == 422) {
                    for (ApiProblem.FieldError e : problem.fieldErrors()) {
                        errors.add(e.field().equals("comment") ? "comment" : "decision", e.message());
                    }
                    if (errors.isEmpty()) {
                        errors.add("decision", problem.detail());
                    }
                } else {
                    throw problem;
                }
            }
        }
        return Response.status(errors.isEmpty() ? 200 : 400).type(MediaType.TEXT_HTML)
                .entity(reviewForm(id, d, c, errors).render()).build();
    }

    private TemplateInstance reviewForm(String id, String decision, String comment, ErrorSummary errors) {
        JsonNode r = api.get("budget", "/api/v1/returns/" + PathIds.uuid(id));
        List<Map<String, String>> warnings = ReturnRows.warnings(r);
        return review.data("r", ReturnRows.row(r)).data("warnings", warnings)
                .data("comment", r.path("reviewComment").asText(""))
                .data("decision", decision).data("enteredComment", comment).data("errors", errors)
                .data("reviewable", "SUBMITTED".equals(r.path("status").asText()) && !r.path("superseded").asBoolean());
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static List<String> textList(JsonNode array) {
        return Format.texts(array);
    }
}
