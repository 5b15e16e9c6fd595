package uk.gov.spendingcontrol.odp.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An evaluation plan; also the payload of its {@code EvaluationChanged} events. */
@Schema(name = "Evaluation")
public record EvaluationView(UUID id, @Schema(example = "DFE") String department, UUID priorityOutcomeId,
        String crossCuttingOutcomeId, String programme, String title, String question, Evaluation.Method method,
        LocalDate startDate, LocalDate endDate, Evaluation.Status status, String findings, String reportUrl,
        @Schema(description = "Also the ETag, for If-Match") int version, String createdBy, OffsetDateTime createdAt,
        String updatedBy, OffsetDateTime updatedAt) {

    static EvaluationView of(Evaluation e) {
        return new EvaluationView(e.id, e.departmentCode, e.priorityOutcomeId, e.crossCuttingOutcomeId, e.programme,
                e.title, e.question, e.method, e.startDate, e.endDate, e.status, e.findings, e.reportUrl, e.version,
                e.createdBy, e.createdAt, e.updatedBy, e.updatedAt);
    }
}
