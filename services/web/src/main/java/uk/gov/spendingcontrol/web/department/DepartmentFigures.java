package uk.gov.spendingcontrol.web.department;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.gov.spendingcontrol.web.pages.Format;

/**
 * A department's money position as its home page shows it, from budget's variance report: per budget boundary the
 * control total, allocated, full-year forecast and outturn to date (overspend risks first), and the programme lines
 * above budget.
 */
@TemplateData
public record DepartmentFigures(String department, String financialYear, String readAt, String basedOn,
        List<String> notices, List<BoundaryRow> boundaries, List<ProgrammeRow> programmesAboveBudget,
        int overspendRisks, int programmeLines, int withoutAllocation) {

    /** One boundary against its control total. */
    @TemplateData
    public record BoundaryRow(String name, boolean limited, boolean overspendRisk, BigDecimal controlTotal,
            BigDecimal allocated, BigDecimal forecast, BigDecimal outturn, BigDecimal headroom) {

        public String controlTotalText() {
            return Format.pounds(controlTotal);
        }

        public String allocatedText() {
            return Format.pounds(allocated);
        }

        public String forecastText() {
            return Format.pounds(forecast);
        }

        public String outturnText() {
            return Format.pounds(outturn);
        }

        public String headroomText() {
            return limited ? Format.pounds(headroom) : "not limited";
        }

        public String controlTotalValue() {
            return Format.plain(controlTotal);
        }

        public String allocatedValue() {
            return Format.plain(allocated);
        }

        public String forecastValue() {
            return Format.plain(forecast);
        }

        public String outturnValue() {
            return Format.plain(outturn);
        }
    }

    /** A programme line whose full-year forecast is above its allocation. */
    @TemplateData
    public record ProgrammeRow(String programme, String boundary, String budget, String forecast, String variance) {
    }

    static DepartmentFigures from(String department, String financialYear, JsonNode variance) {
        JsonNode d = null;
        for (JsonNode candidate : variance.path("departments")) {
            if (department.equals(candidate.path("department").asText())) {
                d = candidate;
            }
        }
        List<BoundaryRow> boundaries = new ArrayList<>();
        List<ProgrammeRow> above = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        String basedOn = "no return yet";
        int risks = 0;
        int lines = 0;
        int without = 0;
        if (d != null) {
            for (JsonNode b : d.path("boundaries")) {
                BoundaryRow row = new BoundaryRow(Format.boundary(b.path("boundary").asText()), b.path("limited").asBoolean(),
                        b.path("overspendRisk").asBoolean(), Format.decimal(b.path("controlTotal")),
                        Format.decimal(b.path("allocated")), Format.decimal(b.path("forecastFullYear")),
                        Format.decimal(b.path("outturnYearToDate")), Format.decimal(b.path("headroom")));
                boundaries.add(row);
            }
            boundaries.sort(Comparator.comparing((BoundaryRow r) -> !r.overspendRisk()));
            for (JsonNode p : d.path("programmes")) {
                if ("ABOVE_BUDGET".equals(p.path("status").asText())) {
                    above.add(new ProgrammeRow(p.path("programme").asText(), Format.boundary(p.path("boundary").asText()),
                            Format.pounds(Format.decimal(p.path("budget"))),
                            Format.pounds(Format.decimal(p.path("forecastFullYear"))),
                            Format.pounds(Format.decimal(p.path("varianceFullYear")))));
                }
            }
            for (JsonNode n : d.path("notices")) {
                notices.add(n.path("message").asText());
            }
            JsonNode position = d.path("basedOn");
            if (!position.isMissingNode()) {
                basedOn = "period " + position.path("period").asInt() + " return, version " + position.path("version").asInt()
                        + " (" + ("CONFIRMED".equals(position.path("status").asText()) ? "confirmed by the Treasury"
                                : "not yet reviewed by the Treasury") + ")";
            }
            JsonNode summary = d.path("summary");
            risks = summary.path("boundariesAtOverspendRisk").asInt();
            lines = summary.path("programmeLines").asInt();
            without = summary.path("withoutAllocation").asInt();
        }
        return new DepartmentFigures(department, financialYear, Instant.now().toString(), basedOn, notices, boundaries,
                above, risks, lines, without);
    }
}
