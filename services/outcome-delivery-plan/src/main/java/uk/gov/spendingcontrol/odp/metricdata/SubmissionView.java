package uk.gov.spendingcontrol.odp.metricdata;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An accepted submission of data points: what it wrote and every warning kept with it (the first 1,000 listed). */
@Schema(name = "DataSubmission")
public record SubmissionView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "CSV") String format,
        @Schema(example = "10000") int pointCount,
        @Schema(example = "2") int warningCount,
        @Schema(description = "Warnings per rule", example = "{\"D009\": 2}") Map<String, Integer> warningCounts,
        List<DataFinding> warnings,
        @Schema(description = "The metrics it wrote points for") List<UUID> metrics,
        String submittedBy,
        OffsetDateTime submittedAt) {
}
