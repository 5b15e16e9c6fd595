package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published revision of a plan, in a list. */
@Schema(name = "PlanRevisionSummary")
public record RevisionSummaryView(
        @Schema(example = "2") int revision,
        @Schema(description = "Why the revision was made (null for the first)") String reason,
        String title,
        OffsetDateTime publishedAt) {

    static RevisionSummaryView of(PlanRevisions.Revision r) {
        return new RevisionSummaryView(r.revision(), r.reason(), r.content().title(), r.publishedAt());
    }
}
