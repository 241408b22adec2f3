package dev.amends.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountIsKeptAtTheCurrencysScale() {
        assertEquals("20.00 EUR", Money.of("20", "EUR").toString());
        assertEquals("500 JPY", Money.of("500", "JPY").toString());
    }

    @Test
    void moreDecimalPlacesThanTheCurrencyHasAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.005", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.5", "JPY"));
    }

    @Test
    void unknownCurrencyAndNegativeAmountAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("-1", "EUR"));
    }

    @Test
    void comparingAcrossCurrenciesIsRefused() {
        assertTrue(Money.of("10.01", "EUR").exceeds(Money.of("10", "EUR")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").exceeds(Money.of("1", "USD")));
    }
}
