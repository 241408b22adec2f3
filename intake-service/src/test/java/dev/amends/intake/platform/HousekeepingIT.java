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
    void onlyProcessedIdsPastTheirRetentionAreRemoved() {
        UUID oldProcessed = processedEvent("now() - interval '31 days'");
        UUID recentProcessed = processedEvent("now() - interval '29 days'");

        housekeeping.removeWhatIsNoLongerNeeded();

        assertEquals(0, count(oldProcessed));
        assertEquals(1, count(recentProcessed));
    }

    private UUID processedEvent(String processedAt) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into amends_processed_event (consumer, event_id, event_type, processed_at)
                values ('housekeeping-test', ?1, 'test.v1', %s)
                """.formatted(processedAt)).setParameter(1, eventId).executeUpdate());
        return eventId;
    }

    private long count(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from amends_processed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
