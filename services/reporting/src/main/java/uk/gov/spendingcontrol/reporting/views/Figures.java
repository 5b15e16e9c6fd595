package uk.gov.spendingcontrol.reporting.views;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money as the views show it: control totals, allocations, forecast and outturn, and what they imply. */
public final class Figures {

    private Figures() {
    }

    static final BigDecimal ZERO = new BigDecimal("0.00");
    /** The boundaries in the order the Treasury reads them. */
    static final List<String> BOUNDARIES = List.of("RESOURCE_DEL_ADMIN", "RESOURCE_DEL_PROGRAMME", "CAPITAL_DEL", "AME");

    static boolean isDel(String boundary) {
        return !"AME".equals(boundary);
    }

    static BigDecimal nz(BigDecimal d) {
        return d == null ? ZERO : d.setScale(2);
    }

    @Schema(name = "BoundaryFigures")
    public record BoundaryFigures(String boundary, BigDecimal controlTotal, BigDecimal allocated,
            BigDecimal forecastFullYear, BigDecimal outturnYearToDate,
            @Schema(description = "controlTotal - forecastFullYear") BigDecimal headroom,
            @Schema(description = "A DEL boundary whose forecast exceeds its control total") boolean overspendRisk) {

        static BoundaryFigures of(String boundary, BigDecimal control, BigDecimal allocated, BigDecimal forecast,
                BigDecimal outturn) {
            BigDecimal headroom = nz(control).subtract(nz(forecast));
            return new BoundaryFigures(boundary, nz(control), nz(allocated), nz(forecast), nz(outturn), headroom,
                    isDel(boundary) && headroom.signum() < 0);
        }
    }

    @Schema(name = "MoneyTotals")
    public record Totals(BigDecimal controlTotal, BigDecimal allocated, BigDecimal forecastFullYear,
            BigDecimal outturnYearToDate, BigDecimal headroom) {

        static Totals of(List<BoundaryFigures> rows) {
            BigDecimal c = ZERO;
            BigDecimal a = ZERO;
            BigDecimal f = ZERO;
            BigDecimal o = ZERO;
            for (BoundaryFigures r : rows) {
                c = c.add(r.controlTotal());
                a = a.add(r.allocated());
                f = f.add(r.forecastFullYear());
                o = o.add(r.outturnYearToDate());
            }
            return new Totals(c, a, f, o, c.subtract(f));
        }
    }

    @Schema(name = "OverspendRisk")
    public record OverspendRisk(@Schema(enumeration = {"CONTROL_TOTAL", "ALLOCATION"}) String kind, String boundary,
            @Schema(nullable = true) String programme, BigDecimal limit, BigDecimal forecastFullYear,
            BigDecimal overspend) {
    }

    @Schema(name = "ProgrammeMoney")
    public record ProgrammeMoney(String code, @Schema(nullable = true) String name, BigDecimal allocated,
            BigDecimal forecastFullYear, BigDecimal outturnYearToDate,
            @Schema(description = "forecastFullYear - allocated (positive: over)") BigDecimal variance) {
    }

    @Schema(name = "Risk", description = "100 x DEL overspend / DEL control total + 5 x OFF_TRACK metrics + 2 x AT_RISK"
            + " metrics + 1 x pending approvals older than 30 days; HIGH from 10, MEDIUM from 3")
    public record Risk(double score, @Schema(enumeration = {"HIGH", "MEDIUM", "LOW"}) String level) {

        static Risk of(List<BoundaryFigures> boundaries, long offTrack, long atRisk, long oldPending) {
            BigDecimal limit = ZERO;
            BigDecimal over = ZERO;
            for (BoundaryFigures b : boundaries) {
                if (isDel(b.boundary())) {
                    limit = limit.add(b.controlTotal());
                    if (b.headroom().signum() < 0) {
                        over = over.add(b.headroom().negate());
                    }
                }
            }
            double money = limit.signum() > 0 ? over.doubleValue() * 100 / limit.doubleValue() : 0;
            double score = Math.round((money + 5.0 * offTrack + 2.0 * atRisk + oldPending) * 100) / 100.0;
            return new Risk(score, score >= 10 ? "HIGH" : score >= 3 ? "MEDIUM" : "LOW");
        }
    }
}
