package uk.gov.spendingcontrol.odp.plans;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnablerCommitment")
public record EnablerCommitmentView(StrategicEnabler enabler, String commitment,
        @Schema(example = "Chief People Officer") String owner,
        @Schema(example = "2027-03-31") LocalDate dueDate) {

    static EnablerCommitmentView of(EnablerCommitment e) {
        return new EnablerCommitmentView(e.enabler, e.commitment, e.owner, e.dueDate);
    }
}
