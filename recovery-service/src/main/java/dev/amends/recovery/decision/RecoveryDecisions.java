package dev.amends.recovery.decision;

import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.platform.outbox.Outbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Decides a recovery for every complaint received, at once: the decision, its event and the
 * processed-event mark commit in one transaction.
 */
@ApplicationScoped
public class RecoveryDecisions {

    private static final Logger LOG = Logger.getLogger(RecoveryDecisions.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final StarterPolicy policy;
    private final Clock clock = Clock.systemUTC();

    RecoveryDecisions(Inbox inbox, Outbox outbox, StarterPolicy policy) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.policy = policy;
    }

    @Incoming(Channels.COMPLAINTS)
    @Blocking
    @Transactional
    public void onComplaint(ConsumerRecord<String, String> record) {
        inbox.receive(record)
                .filter(ComplaintReceived.class::isInstance)
                .map(ComplaintReceived.class::cast)
                .ifPresent(this::decide);
    }

    void decide(ComplaintReceived complaint) {
        if (Recovery.forComplaint(complaint.complaintId()).isPresent()) {
            LOG.infof("Complaint %s already has a recovery; not deciding twice", complaint.complaintId());
            return;
        }
        Instant now = clock.instant();
        outbox.record(Recovery.record(complaint, policy.decide(complaint, now), now), now);
    }
}
