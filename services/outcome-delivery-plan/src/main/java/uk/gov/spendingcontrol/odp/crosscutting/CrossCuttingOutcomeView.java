package uk.gov.spendingcontrol.odp.crosscutting;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.odp.metrics.MetricView;

/** A cross-cutting outcome read whole: every contributor's part together. */
@Schema(name = "CrossCuttingOutcome")
public record CrossCuttingOutcomeView(
        @Schema(example = "net-zero-2050") String id,
        String title,
        String description,
        @Schema(example = "DESNZ") String leadDepartment,
        @Schema(description = "Department codes, the lead first") List<String> contributors,
        CrossCuttingOutcome.Status status,
        @Schema(description = "Also the ETag: send it back in If-Match to change the outcome or its contributors")
        int version,
        List<ContributionView> contributions,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt) {

    @Schema(name = "Contribution")
    public record ContributionView(
            @Schema(example = "net-zero-2050") String outcomeId,
            @Schema(example = "DFE") String department,
            String summary,
            List<String> programmes,
            List<MetricView> metrics,
            @Schema(description = "Also the ETag of the part, for If-Match") int version,
            String updatedBy,
            OffsetDateTime updatedAt) {
    }

    /** The payload of a {@code ContributionChanged} event. */
    public record ContributionEvent(String outcomeId, String department, String summary, List<String> programmes,
            List<java.util.UUID> metricIds) {

        static ContributionEvent of(Contribution c) {
            return new ContributionEvent(c.outcome.id, c.departmentCode, c.summary, List.copyOf(c.programmes),
                    c.metrics.stream().map(m -> m.id).toList());
        }
    }
}
