package uk.gov.spendingcontrol.reporting.feeds;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a section's figures come from, and how fresh they are (docs/reporting.md, "Freshness"). */
@Schema(name = "Source", description = "The feed a section's figures are built from, and how fresh they are")
public record SourceView(
        @Schema(example = "budget") String service,
        @Schema(description = "The last position of the feed applied", example = "812") long position,
        @Schema(description = "When the last applied event happened at the source", nullable = true)
        OffsetDateTime lastChangedAt,
        @Schema(description = "True when the source could not be read recently or reporting is behind it: the figures"
                + " are the last known ones") boolean stale) {
}
