package dev.amends.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An e-mail address a customer's mail can reach: well-formed, and with a full domain.
 * {@code a@localhost} is a well-formed address, but no customer's mailbox.
 */
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Email(regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+")
public @interface MailboxAddress {

    @OverridesAttribute(constraint = Email.class, name = "message")
    String message() default "must be an e-mail address with a full domain, such as ada@example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
