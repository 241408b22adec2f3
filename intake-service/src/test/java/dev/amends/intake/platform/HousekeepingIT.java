package dev.amends.intake.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.platform.Housekeeping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The platform's housekeeping, run against this service's real database. */
@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class HousekeepingIT {

    @Inject
    Housekeeping housekeeping;

    @Inject
    EntityManager entityManager;

    @Test
    void onlyPublishedEventsAndProcessedIdsPastTheirRetentionAreRemoved() {
        UUID oldPublished = outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
        UUID oldUnpublished = outboxRow("now() - interval '8 days'", "null");
        UUID recentPublished = outboxRow("now() - interval '1 day'", "now() - interval '1 day'");
        UUID oldProcessed = processedEvent("now() - interval '31 days'");
        UUID recentProcessed = processedEvent("now() - interval '29 days'");

        housekeeping.removeWhatIsNoLongerNeeded();

        assertEquals(0, count("amends_outbox", oldPublished));
        assertEquals(1, count("amends_outbox", oldUnpublished));
        assertEquals(1, count("amends_outbox", recentPublished));
        assertEquals(0, count("amends_processed_event", oldProcessed));
        assertEquals(1, count("amends_processed_event", recentProcessed));
    }

    private UUID outboxRow(String occurredAt, String publishedAt) {
        UUID eventId = UUID.randomUUID();
        // An unpublished row may be published by the relay meanwhile; its published_at is then
        // recent, so it must be kept all the same.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into amends_outbox (event_id, tenant, topic, message_key, event_type, subject, payload,
                                           occurred_at, published_at)
                values (?1, 'acme', 'amends.complaints', 'housekeeping-test', 'test.v1', 's', '{}', %s, %s)
                """.formatted(occurredAt, publishedAt)).setParameter(1, eventId).executeUpdate());
        return eventId;
    }

    private UUID processedEvent(String processedAt) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into amends_processed_event (consumer, event_id, event_type, processed_at)
                values ('housekeeping-test', ?1, 'test.v1', %s)
                """.formatted(processedAt)).setParameter(1, eventId).executeUpdate());
        return eventId;
    }

    private long count(String table, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table + " where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
