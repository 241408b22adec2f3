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
            return value.equals(Currency.getInstance(value).getCurrencyCode());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
