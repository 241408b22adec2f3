package dev.amends.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with a problem+json 413
 * before anything reads it. Quarkus enforces the same limit itself, but answers with an empty
 * body, which a CRM cannot tell apart from a proxy's error.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final ObjectMapper mapper;
    private final long limit;

    BodySizeLimit(ObjectMapper mapper, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.mapper = mapper;
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (declaredLength(context.request().getHeader("Content-Length")) > limit) {
                context.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(body(context.request().path()));
            } else {
                context.next();
            }
        });
    }

    private String body(String path) {
        Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(), 413,
                "Bodies are limited to " + limit + " bytes; nothing was changed.", path, List.of());
        try {
            return mapper.writeValueAsString(problem);
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
