package dev.amends.platform.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bounded amount of API work in flight. A request beyond {@code amends.admission.max-in-flight}
 * is answered at once, on the event loop, with 503 and Retry-After, before anything reads it or
 * waits for a thread or a database connection. Under a burst a CRM thus hears within milliseconds
 * that it should send the complaint again shortly, instead of waiting in a queue until its own
 * timeout, and whatever was answered 201 was committed. The bound sits below the database pool, so
 * an admitted request never times out waiting for a connection.
 */
@ApplicationScoped
public class Admission {

    static final String RETRY_AFTER_SECONDS = "1";

    private final int maxInFlight;
    private final ObjectMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;

    Admission(@ConfigProperty(name = "amends.admission.max-in-flight") int maxInFlight, ObjectMapper json,
            MeterRegistry registry) {
        this.maxInFlight = maxInFlight;
        this.json = json;
        Gauge.builder("amends.api.in.flight", inFlight, AtomicInteger::get)
                .description("API requests admitted and not yet answered")
                .register(registry);
        this.refused = Counter.builder("amends.api.refused")
                .description("API requests answered 503 because as many as may be were already in flight")
                .register(registry);
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 2).handler(context -> {
            if (inFlight.incrementAndGet() <= maxInFlight) {
                context.addEndHandler(ended -> inFlight.decrementAndGet());
                context.next();
                return;
            }
            inFlight.decrementAndGet();
            refused.increment();
            context.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .end(body(context.request().path()));
        });
    }

    private String body(String path) {
        ProblemType type = ProblemType.TEMPORARILY_UNAVAILABLE;
        try {
            return json.writeValueAsString(new Problem(type.uri(), type.title(), 503,
                    "As many requests as this instance takes at once are under way; nothing was done. Send it again in "
                            + RETRY_AFTER_SECONDS + " s.", path, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
