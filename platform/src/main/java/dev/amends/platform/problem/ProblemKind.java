package dev.amends.platform.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the problem kind of every violation of a custom constraint, for example
 * {@code @KnownCurrency}. (Standard constraints name it through {@link ProblemPayload}, since a
 * constraint's own default payload must stay empty.)
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemKind {

    ProblemType value();
}
