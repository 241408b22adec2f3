package dev.amends.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

public class PlausibleInstantValidator implements ConstraintValidator<PlausibleInstant, Instant> {

    /** How far ahead another system's clock may be. */
    private static final Duration CLOCK_DIFFERENCE = Duration.ofMinutes(5);

    private int years;

    @Override
    public void initialize(PlausibleInstant constraint) {
        years = constraint.years();
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant now = Instant.now();
        Instant earliest = now.atOffset(ZoneOffset.UTC).minusYears(years).toInstant();
        return !value.isBefore(earliest) && !value.isAfter(now.plus(CLOCK_DIFFERENCE));
    }
}
