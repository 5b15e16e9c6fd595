package uk.gov.spendingcontrol.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money is exact decimal pounds; this formats it for messages ("£1,234,567.00"). */
public final class Money {

    private Money() {
    }

    public static String pounds(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_EVEN);
        return (a.signum() < 0 ? "-£" : "£") + f.format(a.abs());
    }
}
