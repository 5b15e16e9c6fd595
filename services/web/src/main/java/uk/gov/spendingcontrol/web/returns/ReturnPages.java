package uk.gov.spendingcontrol.web.returns;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.web.api.Api;
import uk.gov.spendingcontrol.web.api.ApiProblem;
import uk.gov.spendingcontrol.web.pages.ErrorSummary;
import uk.gov.spendingcontrol.web.pages.Format;
import uk.gov.spendingcontrol.web.pages.PathIds;
import uk.gov.spendingcontrol.web.security.CurrentUser;

/**
 * Monthly returns for a department: the list, submitting one by uploading a CSV file (the validation report as a GOV.UK
 * error summary: rule, line, field), a template to download, and one return's report.
 */
@Path("/department/returns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR })
public class ReturnPages {

    static final String CSV_HEADER = "programme,boundary,period,kind,amount";
    static final List<String> BOUNDARIES = List.of("RESOURCE_DEL_ADMIN", "RESOURCE_DEL_PROGRAMME", "CAPITAL_DEL", "AME");

    private final Api api;
    private final CurrentUser user;
    private final Template list;
    private final Template form;
    private final Template view;

    ReturnPages(Api api, CurrentUser user, @Location("returns/list.html") Template list,
            @Location("returns/new.html") Template form, @Location("returns/view.html") Template view) {
        this.api = api;
        this.user = user;
        this.list = list;
        this.form = form;
        this.view = view;
    }

    @GET
    public TemplateInstance list() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode r : api.get("budget", "/api/v1/returns", Map.of("limit", 50)).path("items")) {
            rows.add(ReturnRows.row(r));
        }
        return list.data("returns", rows);
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    public TemplateInstance newReturn() {
        return form(new ReturnForm(currentYear(), "", UUID.randomUUID().toString()), ErrorSummary.none(), List.of());
    }

    /** A template to fill in: the five columns and a line per programme and boundary of the department's programmes. */
    @GET
    @Path("template.csv")
    @Produces("text/csv")
    public Response template() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (JsonNode p : api.get("budget", "/api/v1/programmes", Map.of("limit", 500)).path("items")) {
            for (String boundary : BOUNDARIES) {
                csv.append(p.path("code").asText()).append(',').append(boundary).append(",1,OUTTURN,0.00\n");
            }
        }
        return Response.ok(csv.toString()).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"monthly-return-template.csv\"").build();
    }

    @POST
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@RestForm String financialYear, @RestForm String period, @RestForm String idempotencyKey,
            @RestForm("file") FileUpload file) {
        ReturnForm entered = new ReturnForm(financialYear == null ? "" : financialYear.trim(),
                period == null ? "" : period.trim(),
                idempotencyKey == null || !idempotencyKey.matches("[0-9a-f-]{36}") ? UUID.randomUUID().toString() : idempotencyKey);
        ErrorSummary errors = new ErrorSummary();
        if (!FinancialYear.isValid(entered.financialYear())) {
            errors.add("financialYear", "Enter the financial year like 2026-27");
        }
        if (!entered.period().matches("([1-9]|1[0-2])")) {
            errors.add("period", "Enter the period as a number from 1 (April) to 12 (March)");
        }
        byte[] bytes = read(file);
        if (bytes.length == 0) {
            errors.add("file", "Select a CSV file of the return");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(form(entered, errors, List.of()).render()).type(MediaType.TEXT_HTML).build();
        }
        try {
            Api.Answer answer = api.post("budget", "/api/v1/returns",
                    Map.of("financialYear", entered.financialYear(), "period", entered.period()), "text/csv", bytes,
                    Map.of("Idempotency-Key", entered.idempotencyKey()));
            return Response.seeOther(URI.create("/department/returns/" + answer.body().path("id").asText())).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 422 || problem.status() == 400 || problem.status() == 413 || problem.status() == 415) {
                List<Map<String, String>> findings = new ArrayList<>();
                for (JsonNode e : problem.body().path("errors")) {
                    String field = e.path("field").asText("");
                    String rule = e.path("ruleId").asText(e.path("code").asText(""));
                    String line = e.path("line").isMissingNode() || e.path("line").isNull() ? "" : e.path("line").asText();
                    String target = switch (field) {
                        case "financialYear" -> "financialYear";
                        case "period" -> line.isEmpty() ? "period" : "file";
                        default -> "file";
                    };
                    String where = line.isEmpty() ? "" : "Line " + line + ", " + (field.isEmpty() ? "" : field + ": ");
                    errors.add(target, (rule.isEmpty() ? "" : rule + ": ") + where + e.path("message").asText());
                    Map<String, String> finding = new LinkedHashMap<>();
                    finding.put("rule", rule);
                    finding.put("line", line);
                    finding.put("field", field);
                    finding.put("message", e.path("message").asText());
                    findings.add(finding);
                }
                if (errors.isEmpty()) {
                    errors.add("file", problem.detail());
                }
                int total = 0;
                for (JsonNode count : problem.body().path("counts")) {
                    total += count.asInt();
                }
                total = Math.max(total, findings.size());   // the list stops at 1,000; counts has them all
                errors.setDetail(problem.status() == 422
                        ? (total == 1 ? "1 problem" : total + " problems") + " in the file: nothing was saved."
                        : problem.detail());
                return Response.status(problem.status() == 422 ? 422 : 400)
                        .entity(form(entered, errors, findings).render()).type(MediaType.TEXT_HTML).build();
            }
            throw problem;
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance view(@PathParam("id") String id) {
        JsonNode r = api.get("budget", "/api/v1/returns/" + PathIds.uuid(id));
        List<Map<String, String>> warnings = ReturnRows.warnings(r);
        return view.data("r", ReturnRows.row(r)).data("warnings", warnings)
                .data("comment", r.path("reviewComment").asText(""));
    }

    private TemplateInstance form(ReturnForm entered, ErrorSummary errors, List<Map<String, String>> findings) {
        return form.data("form", entered).data("errors", errors).data("findings", findings)
                .data("department", user.getDepartment());
    }

    private static String currentYear() {
        return uk.gov.spendingcontrol.web.department.Years.orCurrent(null);
    }

    private static byte[] read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded file", e);
        }
    }
}
