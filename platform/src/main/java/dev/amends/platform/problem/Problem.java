package dev.amends.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail; every error any Amends endpoint returns has this shape. {@code type}
 * is one of the stable URIs of {@link ProblemType}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is in the request, what is wrong, and the kind of problem. */
    public record FieldError(String field, String message, String type) {
    }
}
