package dev.amends.platform.ratelimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemType;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each client may make {@code amends.rate-limit.per-minute} API calls a minute per instance, in
 * bursts up to that many; beyond it the call is answered 429 with the seconds to wait in
 * Retry-After, before anything reads it. One noisy integration thus cannot starve the others. A
 * client is the credential it presents (a digest of its token or API key, so a forged token
 * cannot spend another client's allowance), or its address when it presents none.
 */
@ApplicationScoped
public class RateLimits {

    private final long perMinute;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    RateLimits(@ConfigProperty(name = "amends.rate-limit.per-minute") long perMinute, ObjectMapper json) {
        this.perMinute = perMinute;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(context -> {
            ConsumptionProbe probe = buckets.get(client(context.request()), key -> newBucket())
                    .tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                context.next();
                return;
            }
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            context.response()
                    .setStatusCode(429)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", String.valueOf(seconds))
                    .end(body(context.request().path(), seconds));
        });
    }

    private static String client(HttpServerRequest request) {
        String credential = request.getHeader("Authorization");
        if (credential == null) {
            credential = request.getHeader("X-Api-Key");
        }
        if (credential == null) {
            return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        }
        try {
            return "credential:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private String body(String path, long seconds) {
        ProblemType type = ProblemType.RATE_LIMITED;
        try {
            return json.writeValueAsString(new Problem(type.uri(), type.title(), 429,
                    "This client made more calls than it may in a minute; nothing was done. Try again in " + seconds
                            + " s.", path, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
