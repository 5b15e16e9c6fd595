package uk.gov.spendingcontrol.budget.periods;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Period", description = "A month of a financial year: period 1 is April, 12 is March")
public record PeriodView(String financialYear, int period, LocalDate startDate, LocalDate endDate,
        PeriodService.Status status) {
}
