package dev.amends.platform.problem;

import jakarta.validation.Payload;

/**
 * Bean Validation payloads that name the problem kind of a violation, for example
 * {@code @DecimalMin(value = "0", payload = ProblemPayload.NegativeAmount.class)}. A violation
 * without one is a plain invalid field.
 */
public interface ProblemPayload extends Payload {

    ProblemType type();

    final class NegativeAmount implements ProblemPayload {
        @Override
        public ProblemType type() {
            return ProblemType.NEGATIVE_AMOUNT;
        }
    }
}
