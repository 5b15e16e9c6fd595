package uk.gov.spendingcontrol.web.open;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.spendingcontrol.web.api.Api;
import uk.gov.spendingcontrol.web.pages.Format;
import uk.gov.spendingcontrol.web.pages.PathIds;

/** Open to everyone, no sign-in: published Outcome Delivery Plans. */
@Path("/published")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PublishedPages {

    private final Api api;
    private final Template list;
    private final Template plan;

    PublishedPages(Api api, @Location("published/list.html") Template list, @Location("published/plan.html") Template plan) {
        this.api = api;
        this.list = list;
        this.plan = plan;
    }

    @GET
    public TemplateInstance list() {
        List<Map<String, String>> plans = new ArrayList<>();
        for (JsonNode p : api.getAnonymous("outcome-delivery-plan", "/api/v1/published/outcome-delivery-plans",
                Map.of("limit", 200)).path("items")) {
            plans.add(Map.of("id", p.path("id").asText(), "department", p.path("department").asText(),
                    "financialYear", p.path("financialYear").asText(), "title", p.path("title").asText(),
                    "publishedAt", Format.dateTime(p.path("publishedAt").asText(null))));
        }
        return list.data("plans", plans);
    }

    @GET
    @Path("{id}")
    public TemplateInstance plan(@PathParam("id") String id) {
        JsonNode p = api.getAnonymous("outcome-delivery-plan", "/api/v1/published/outcome-delivery-plans/"
                + PathIds.uuid(id), Map.of());
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (JsonNode o : p.path("priorityOutcomes")) {
            List<Map<String, String>> metrics = new ArrayList<>();
            for (JsonNode m : o.path("metrics")) {
                JsonNode baseline = m.path("baseline");
                JsonNode trajectory = m.path("trajectory");
                JsonNode last = trajectory.isArray() && !trajectory.isEmpty() ? trajectory.get(trajectory.size() - 1) : null;
                JsonNode latest = m.path("latestPoint");
                metrics.add(Map.of("name", m.path("name").asText(), "unit", m.path("unit").asText(""),
                        "baseline", baseline.isObject() ? baseline.path("value").asText("") + " ("
                                + baseline.path("date").asText("") + ")" : "",
                        "target", last == null ? "" : last.path("target").asText("") + " in " + last.path("period").asText(""),
                        "latest", latest.isObject() ? latest.path("value").asText("") + " in " + latest.path("period").asText("")
                                : "No data yet",
                        "status", Format.words(m.path("status").path("status").asText("NO_DATA"))));
            }
            outcomes.add(Map.of("title", o.path("title").asText(), "description", o.path("description").asText(""),
                    "crossCutting", o.path("crossCuttingOutcomeId").asText(""), "metrics", metrics));
        }
        List<Map<String, String>> enablers = new ArrayList<>();
        for (JsonNode e : p.path("strategicEnablers")) {
            enablers.add(Map.of("enabler", Format.words(e.path("enabler").asText()), "commitment", e.path("commitment").asText()));
        }
        return plan.data("plan", Map.of("department", p.path("department").asText(), "financialYear",
                p.path("financialYear").asText(), "title", p.path("title").asText(), "summary", p.path("summary").asText(""),
                "publishedAt", Format.dateTime(p.path("publishedAt").asText(null))))
                .data("outcomes", outcomes).data("enablers", enablers);
    }
}
