package dev.amends.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.amends.platform.database.DatabaseUnreachable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Payload;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become {@code application/problem+json}. No exception class name
 * or stack trace ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final DatabaseUnreachable DATABASE_UNREACHABLE = new DatabaseUnreachable();
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public RestResponse<Problem> invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage(), kindOf(v).uri()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        // When every error is of one specific kind (an unknown currency, say), that kind is the type.
        List<String> kinds = errors.stream().map(Problem.FieldError::type).distinct().toList();
        ProblemType type = kinds.size() == 1
                ? Arrays.stream(ProblemType.values()).filter(t -> t.uri().equals(kinds.get(0))).findFirst()
                        .orElse(ProblemType.VALIDATION_FAILED)
                : ProblemType.VALIDATION_FAILED;
        return problem(400, type, type.title(),
                errors.size() + " field(s) need attention; nothing was changed.", uri, errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> domainProblem(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    /** Declared apart because Quarkus maps this subtype itself, without a body, unless told otherwise. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String detail;
        if (e instanceof ReadableFormatException readable) {
            detail = readable.readable();
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            detail = "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof UnrecognizedPropertyException) {
            detail = "is not a known field";
        } else if (e instanceof InvalidFormatException) {
            detail = "has the wrong format";
        } else {
            detail = field.isEmpty() ? "the body is not well-formed JSON" : "has the wrong type";
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, detail, ProblemType.MALFORMED_JSON.uri()));
        return problem(400, ProblemType.MALFORMED_JSON, ProblemType.MALFORMED_JSON.title(),
                (field.isEmpty() ? detail : field + " " + detail) + "; nothing was changed.", uri, errors);
    }

    /**
     * No credentials, or ones that cannot be verified (expired, wrongly signed, unknown or revoked
     * key). The detail never says which: that would help someone guessing.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<Problem> unauthenticated(UriInfo uri) {
        ProblemType type = ProblemType.UNAUTHENTICATED;
        return RestResponse.ResponseBuilder.<Problem>create(401)
                .entity(new Problem(type.uri(), type.title(), 401,
                        "Send a bearer token (Authorization: Bearer ...) or an API key (X-Api-Key) that is valid "
                                + "and not expired.", uri.getPath(), List.of()))
                .type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.title(),
                "The signed-in role or the API key's scopes do not include this operation.", uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> httpError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        ProblemType type = ProblemType.forStatus(status.getStatusCode());
        String detail = switch (type) {
            case NOT_FOUND -> "There is nothing at " + uri.getPath() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "This operation does not take a body of that media type; its entry in "
                    + "the OpenAPI document (/q/openapi) names the one it takes.";
            case NOT_ACCEPTABLE -> "This operation cannot answer in the media type asked for; its entry in the "
                    + "OpenAPI document (/q/openapi) names those it answers in.";
            default -> status.getReasonPhrase();
        };
        return problem(status.getStatusCode(), type, type.title(), detail, uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, UriInfo uri, ResourceInfo resource) {
        if (DATABASE_UNREACHABLE.test(e)) {
            // Nothing was stored (the transaction never committed), so sending it again is safe.
            LOG.warnf("Database unreachable while serving %s: %s", route(resource), e.getMessage());
            ProblemType type = ProblemType.TEMPORARILY_UNAVAILABLE;
            return RestResponse.ResponseBuilder.<Problem>create(503)
                    .entity(new Problem(type.uri(), type.title(), 503,
                            "Nothing was changed. Send the request again in a few seconds.", uri.getPath(), List.of()))
                    .type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s, incident %s", route(resource), incident);
        return problem(500, ProblemType.INTERNAL_ERROR, ProblemType.INTERNAL_ERROR.title(),
                "The request was not completed. Quote incident " + incident + " when you contact support.", uri,
                List.of());
    }

    /**
     * The operation's route template ({@code GET /api/v1/customers/{customerId}/data}), for logs:
     * the request's own path can hold a customer's id, which no log line may keep past an erasure.
     */
    static String route(ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return "(no operation)";
        }
        jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
        String verb = Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(Objects::nonNull)
                .map(HttpMethod::value).findFirst().orElse("");
        return (verb + " " + (base == null ? "" : base.value()) + (sub == null ? "" : "/" + sub.value()))
                .replace("//", "/").strip();
    }

    private static RestResponse<Problem> problem(int status, ProblemType type, String title, String detail,
            UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem(type.uri(), title, status, detail, uri.getPath(), errors);
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(body).type(Problem.MEDIA_TYPE).build();
    }

    private static ProblemType kindOf(ConstraintViolation<?> violation) {
        ProblemKind kind = violation.getConstraintDescriptor().getAnnotation().annotationType()
                .getAnnotation(ProblemKind.class);
        if (kind != null) {
            return kind.value();
        }
        for (Class<? extends Payload> payload : violation.getConstraintDescriptor().getPayload()) {
            if (ProblemPayload.class.isAssignableFrom(payload)) {
                try {
                    return ((ProblemPayload) payload.getDeclaredConstructor().newInstance()).type();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(payload + " cannot be instantiated", e);
                }
            }
        }
        return ProblemType.VALIDATION_FAILED;
    }

    /**
     * {@code file.request.customer.email} becomes {@code customer.email}; a violation on a query or
     * header parameter itself is named by the parameter.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
