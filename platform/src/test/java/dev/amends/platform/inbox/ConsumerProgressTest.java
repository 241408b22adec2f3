package dev.amends.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsumerProgressTest {

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerProgress progress = new ConsumerProgress(registry, clock);

    @Test
    void aConsumerHoldingNothingIsNeverStalled() {
        progress.of("events$1");
        clock.advance(Duration.ofHours(1));
        assertEquals(Duration.ZERO, progress.of("events$1").stalledFor());
        assertEquals(0.0, gauge("events$1"));
    }

    @Test
    void theStallIsCountedFromTheLastCommitWhileRecordsAreHeld() {
        ConsumerProgress.Consumer consumer = progress.of("events$2");
        Instant handedOver = clock.instant();
        consumer.handedOver();
        clock.advance(Duration.ofSeconds(40));
        assertEquals(handedOver, consumer.noProgressSince().orElseThrow());
        assertEquals(40.0, gauge("events$2"));

        consumer.committed();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(5), consumer.stalledFor(), "a committed part of a split batch is progress");

        consumer.caughtUp();
        clock.advance(Duration.ofMinutes(10));
        assertTrue(consumer.noProgressSince().isEmpty());
        assertEquals(0.0, gauge("events$2"));
    }

    @Test
    void aBatchHandedOverRightAfterAnotherCountsFromItsOwnStart() {
        ConsumerProgress.Consumer consumer = progress.of("events$3");
        consumer.handedOver();
        clock.advance(Duration.ofSeconds(2));
        consumer.caughtUp();
        clock.advance(Duration.ofSeconds(1));
        consumer.handedOver();
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3), consumer.stalledFor());
    }

    private double gauge(String consumer) {
        return registry.get("amends.consumer.stalled.seconds").tag("consumer", consumer).gauge().value();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
