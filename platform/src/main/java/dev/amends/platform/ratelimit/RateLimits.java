package dev.amends.platform.ratelimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemType;
import io.github.bucket4j.Bucket;
import dev.amends.platform.security.TenantClaim;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each client may make {@code amends.rate-limit.per-minute} API calls a minute per instance, in
 * bursts up to that many; beyond it the call is answered 429 with the seconds to wait in
 * Retry-After, before the endpoint runs. One noisy integration thus cannot starve the others. A
 * client is who its credentials prove it is (the tenant and principal of a verified token, the id
 * of a verified API key); a caller without credentials, or with any that do not verify, is its
 * address, so made-up credentials never buy a fresh allowance.
 */
@ApplicationScoped
public class RateLimits {

    /** Quarkus installs its authentication handler at order -200 (its filter priority, negated). */
    private static final int AFTER_AUTHENTICATION = -150;

    private final long perMinute;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    RateLimits(@ConfigProperty(name = "amends.rate-limit.per-minute") long perMinute, ObjectMapper json) {
        this.perMinute = perMinute;
        this.json = json;
    }

    /**
     * Runs after Quarkus's authentication handler has put the request's deferred identity in place
     * (order -200) and before the endpoint: verifying it here is the verification the endpoint
     * would do, done once and kept for the request.
     */
    void install(@Observes Router router) {
        router.route("/api/*").order(AFTER_AUTHENTICATION).handler(context -> {
            Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (identity == null) {
                admit(context, address(context.request()));
                return;
            }
            // Credentials that do not verify are answered 401 by Quarkus's failure handler as soon as
            // they fail; they still spend the address's allowance.
            identity.subscribe().with(
                    verified -> admit(context, verified.isAnonymous() ? address(context.request()) : client(verified)),
                    failed -> bucket(address(context.request())).tryConsume(1));
        });
    }

    private Bucket bucket(String client) {
        return buckets.get(client, key -> newBucket());
    }

    private void admit(RoutingContext context, String client) {
        ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
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
    }

    private static String client(SecurityIdentity verified) {
        return "principal:" + verified.getAttribute(TenantClaim.ATTRIBUTE) + "/" + verified.getPrincipal().getName();
    }

    private static String address(HttpServerRequest request) {
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
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
