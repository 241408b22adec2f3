package dev.amends.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;

public class KnownCurrencyValidator implements ConstraintValidator<KnownCurrency, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            Currency currency = Currency.getInstance(value);
            // XXX (no currency), XAU (gold), XDR and the other codes without minor units are not
            // money a customer is paid in.
            return value.equals(currency.getCurrencyCode()) && currency.getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
