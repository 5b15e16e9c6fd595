package uk.gov.spendingcontrol.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

/** Money compared as exact decimals (2.5 equals 2.50). */
final class Money {

    private Money() {
    }

    static void assertMoney(String expected, Object actual) {
        BigDecimal a = actual == null ? null : new BigDecimal(actual.toString());
        assertEquals(0, new BigDecimal(expected).compareTo(a), "expected " + expected + " but was " + actual);
    }
}
