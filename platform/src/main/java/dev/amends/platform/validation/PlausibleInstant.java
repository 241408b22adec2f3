package dev.amends.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A moment a CRM or a platform can truly report: within the last {@link #years()} years and not in
 * the future (a few minutes of clock difference allowed). Year 1 or 2099 is a slip, not a date.
 */
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
@Constraint(validatedBy = PlausibleInstantValidator.class)
public @interface PlausibleInstant {

    String message() default "must be a moment in the last {years} years, and not in the future";

    int years() default 20;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
