package dev.amends.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while no consumer is stalled: each consumer that holds records and has committed nothing
 * for longer than {@code amends.inbox.stall-after} is named with "stalled since …".
 */
@Readiness
@ApplicationScoped
public class ConsumerProgressHealthCheck implements HealthCheck {

    private final ConsumerProgress progress;
    private final Duration stallAfter;

    ConsumerProgressHealthCheck(ConsumerProgress progress, InboxConfig config) {
        this.progress = progress;
        this.stallAfter = config.stallAfter();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer-progress").up();
        Map<String, ConsumerProgress.Consumer> consumers = new TreeMap<>(progress.consumers());
        consumers.forEach((name, consumer) -> {
            Duration stalled = consumer.stalledFor();
            if (stalled.compareTo(stallAfter) > 0) {
                response.down().withData(name, "stalled since " + consumer.noProgressSince().orElseThrow()
                        + " (no commit for " + stalled.toSeconds() + " s while it holds records)");
            } else {
                response.withData(name, consumer.noProgressSince().isPresent() ? "working" : "caught up");
            }
        });
        return response.build();
    }
}
