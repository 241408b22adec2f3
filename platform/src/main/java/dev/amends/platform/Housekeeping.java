package dev.amends.platform;

import dev.amends.platform.inbox.InboxConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps the processed-event table from growing without end. Processed event ids are kept well
 * beyond the broker's retention, so a redelivery is always recognised. (The outbox needs no
 * sweeping: the relay deletes each row once Kafka has it.)
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final EntityManager entityManager;
    private final InboxConfig inbox;

    Housekeeping(EntityManager entityManager, InboxConfig inbox) {
        this.entityManager = entityManager;
        this.inbox = inbox;
    }

    @Scheduled(every = "${amends.housekeeping.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void removeWhatIsNoLongerNeeded() {
        int processed = entityManager.createNativeQuery(
                "delete from amends_processed_event where processed_at < now() - cast(?1 as interval)")
                .setParameter(1, inbox.retention().toSeconds() + " seconds")
                .executeUpdate();
        if (processed > 0) {
            LOG.infof("Housekeeping removed %d processed-event ids", processed);
        }
    }
}
