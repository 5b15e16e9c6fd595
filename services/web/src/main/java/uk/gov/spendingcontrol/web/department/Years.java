package uk.gov.spendingcontrol.web.department;

import java.time.LocalDate;
import java.time.ZoneId;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.web.errors.PageException;

/** The financial year a page shows: the one asked for, or the current one (London time). */
public final class Years {

    private Years() {
    }

    public static String orCurrent(String financialYear) {
        if (financialYear == null || financialYear.isBlank()) {
            return FinancialYear.containing(LocalDate.now(ZoneId.of("Europe/London"))).toString();
        }
        if (!FinancialYear.isValid(financialYear)) {
            throw new PageException(404, null, null);
        }
        return financialYear;
    }
}
