package uk.gov.spendingcontrol.odp.plans;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnablerCommitment")
public record EnablerCommitmentView(StrategicEnabler enabler, String commitment) {

    static EnablerCommitmentView of(EnablerCommitment e) {
        return new EnablerCommitmentView(e.enabler, e.commitment);
    }
}
