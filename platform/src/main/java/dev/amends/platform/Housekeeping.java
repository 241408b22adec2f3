package dev.amends.platform;

import dev.amends.platform.inbox.InboxConfig;
import dev.amends.platform.outbox.OutboxConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the processed-event table from growing without end. Processed event ids
 * are kept well beyond the broker's retention, so a redelivery is always recognised.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final EntityManager entityManager;
    private final OutboxConfig outbox;
    private final InboxConfig inbox;

    Housekeeping(EntityManager entityManager, OutboxConfig outbox, InboxConfig inbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @Scheduled(every = "${amends.housekeeping.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void removeWhatIsNoLongerNeeded() {
        int published = entityManager.createNativeQuery(
                "delete from amends_outbox where published_at < now() - cast(?1 as interval)")
                .setParameter(1, outbox.retention().toSeconds() + " seconds")
                .executeUpdate();
        int processed = entityManager.createNativeQuery(
                "delete from amends_processed_event where processed_at < now() - cast(?1 as interval)")
                .setParameter(1, inbox.retention().toSeconds() + " seconds")
                .executeUpdate();
        if (published + processed > 0) {
            LOG.infof("Housekeeping removed %d published outbox rows and %d processed-event ids", published, processed);
        }
    }
}
