package dev.amends.notification.preference;

import dev.amends.contract.complaint.ContactChannel;
import io.micrometer.core.instrument.MeterRegistry;
import dev.amends.platform.metrics.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** A customer withdrawing (or giving back) their consent to a channel, from a link or a reply. */
@ApplicationScoped
public class OptOuts {

    private static final Logger LOG = Logger.getLogger(OptOuts.class);

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    OptOuts(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** Call inside a transaction. */
    public void set(String tenant, String customerId, ContactChannel channel, boolean allowed, String changedBy) {
        ContactPreference preference = ContactPreference.forUpdate(tenant, customerId, changedBy, Instant.now());
        if (channel == ContactChannel.EMAIL) {
            preference.emailAllowed = allowed;
        } else {
            preference.smsAllowed = allowed;
        }
        // Logs name no customer: an erasure could not take their id back out of a log line.
        LOG.infof("A customer of tenant %s %s %s (%s)", tenant, allowed ? "allows" : "opted out of", channel,
                changedBy);
        afterCommit.run(() -> registry.counter("amends.consent.changes", "channel", channel.name(),
                "allowed", String.valueOf(allowed)).increment());
    }

    /** Everyone we have written to at this number: a STOP from a phone applies to each of them. */
    @SuppressWarnings("unchecked")
    public List<Object[]> customersAt(String phone) {
        return ContactPreference.getEntityManager().createNativeQuery(
                "select distinct tenant, customer_id from customer_message where recipient = ?1 and channel = 'SMS'")
                .setParameter(1, phone).getResultList();
    }
}
