package dev.amends.platform.validation;

import dev.amends.platform.problem.ProblemKind;
import dev.amends.platform.problem.ProblemType;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 4217 currency code that the JDK knows, such as EUR. Null is valid; pair with NotNull. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCurrencyValidator.class)
@ProblemKind(ProblemType.UNKNOWN_CURRENCY)
public @interface KnownCurrency {

    String message() default "must be the ISO 4217 code of a currency customers are paid in, such as EUR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
