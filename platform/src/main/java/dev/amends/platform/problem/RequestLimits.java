package dev.amends.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a request may be before anything reads it, each refusal a problem+json rather than the
 * HTTP server's bare status: a body over {@code quarkus.http.limits.max-body-size} (413, declared
 * or, when chunked, once the server stops reading it), a URL over {@value #MAX_URL} characters
 * (414; the server reads request lines up to {@code quarkus.http.limits.max-initial-line-length}
 * so that it reaches this check), and a NUL character anywhere in the path or query (400), which
 * no identifier or parameter holds and PostgreSQL cannot store.
 */
@ApplicationScoped
public class RequestLimits {

    static final int MAX_URL = 8192;
    private static final Set<HttpMethod> BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper mapper;
    private final long limit;
    private final BodyHandler chunked;

    RequestLimits(ObjectMapper mapper, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.mapper = mapper;
        this.limit = limit.asLongValue();
        this.chunked = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String uri = context.request().uri();
            if (declaredLength(context.request().getHeader("Content-Length")) > limit) {
                refuse(context, 413, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
            } else if (uri.length() > MAX_URL) {
                refuse(context, 414, ProblemType.HTTP_ERROR, "URLs are limited to " + MAX_URL + " characters; send "
                        + "long values in a request body instead. Nothing was changed.");
            } else if (uri.toLowerCase(Locale.ROOT).contains("%00")) {
                refuse(context, 400, ProblemType.VALIDATION_FAILED, "The path or query contains the NUL character "
                        + "(%00), which no identifier or parameter holds; nothing was changed.");
            } else if (declaredLength(context.request().getHeader("Content-Length")) < 0
                    && BODIES.contains(context.request().method())) {
                chunked.handle(context);
            } else {
                context.next();
            }
        });
        // A chunked body has no length to check up front: it is read here, up to the limit, and
        // the request fails with 413 beyond it, answered below in the same words. (Left to the REST
        // layer, it would be cut off with an empty 413.)
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, 413, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
            } else {
                context.next();
            }
        });
    }

    private String tooLarge() {
        return "Bodies are limited to " + limit + " bytes; nothing was changed.";
    }

    private void refuse(RoutingContext context, int status, ProblemType type, String detail) {
        Problem problem = new Problem(type.uri(), status == 414 ? "The URL is too long" : type.title(), status,
                detail, status == 414 ? null : context.request().path(), List.of());
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
