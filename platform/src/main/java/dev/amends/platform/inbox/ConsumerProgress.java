package dev.amends.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each of the service's consumers is making progress. A consumer that holds records it has
 * not committed (its lag is above 0) and has committed nothing for a while is stalled, whatever the
 * reason: a batch retried in a loop, a lock it waits on, a database that does not answer. The
 * measure is the time since its last commit while it holds records, as
 * {@code amends.consumer.stalled.seconds}; readiness names the consumers stalled for longer than
 * {@code amends.inbox.stall-after}, and since when.
 */
@ApplicationScoped
public class ConsumerProgress {

    private final Map<String, Consumer> consumers = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    @Inject
    ConsumerProgress(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    ConsumerProgress(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The consumer by its channel's name ("events$2"), with its gauge registered the first time. */
    public Consumer of(String channel) {
        return consumers.computeIfAbsent(channel, name -> {
            Consumer consumer = new Consumer(name, clock);
            Gauge.builder("amends.consumer.stalled.seconds", consumer, c -> c.stalledFor().toMillis() / 1000.0)
                    .description("Seconds since the consumer last committed, while it holds records it has not "
                            + "committed; 0 while it holds none")
                    .tag("consumer", name).register(registry);
            return consumer;
        });
    }

    public Map<String, Consumer> consumers() {
        return Map.copyOf(consumers);
    }

    /** One consumer's progress; its three moments are set by the one thread that works its batches. */
    public static final class Consumer {

        private final String name;
        private final Clock clock;
        private volatile Instant holdingSince;
        private volatile Instant lastCommit;

        Consumer(String name, Clock clock) {
            this.name = name;
            this.clock = clock;
        }

        public String name() {
            return name;
        }

        /** A batch was handed over: from now on the consumer holds records. */
        void handedOver() {
            if (holdingSince == null) {
                holdingSince = clock.instant();
            }
        }

        /** A transaction over some of the held events committed. */
        void committed() {
            lastCommit = clock.instant();
        }

        /** The batch's offsets are committed: it holds nothing now. */
        void caughtUp() {
            holdingSince = null;
            lastCommit = clock.instant();
        }

        /**
         * Since when the consumer has made no progress while it holds records: the later of when it
         * took them and when it last committed; empty while it holds none.
         */
        public Optional<Instant> noProgressSince() {
            Instant holding = holdingSince;
            if (holding == null) {
                return Optional.empty();
            }
            Instant committed = lastCommit;
            return Optional.of(committed != null && committed.isAfter(holding) ? committed : holding);
        }

        public Duration stalledFor() {
            return noProgressSince().map(since -> Duration.between(since, clock.instant())).orElse(Duration.ZERO);
        }
    }
}
