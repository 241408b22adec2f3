package dev.amends.recovery.decision;

import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.platform.outbox.Outbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
        inbox.receive(record).ifPresent(event -> {
            if (event instanceof ComplaintReceived complaint) {
                decide(complaint);
            } else if (event instanceof ComplaintReopened reopened) {
                decideAgain(reopened);
            }
        });
    }

    private void decide(ComplaintReceived complaint) {
        if (alreadyDecided(complaint.complaintId(), 1)) {
            return;
        }
        Instant now = clock.instant();
        outbox.record(Recovery.record(complaint.tenant(), complaint.complaintId(), complaint.customer(),
                complaint.summary(), 1, policy.decide(complaint, now), now), now);
    }

    private void decideAgain(ComplaintReopened reopened) {
        if (alreadyDecided(reopened.complaintId(), reopened.round())) {
            return;
        }
        Instant now = clock.instant();
        List<String> history = Recovery.history(reopened.complaintId()).stream().map(Recovery::summarize).toList();
        outbox.record(Recovery.record(reopened.tenant(), reopened.complaintId(), reopened.customer(),
                reopened.summary(), reopened.round(), policy.decideAgain(reopened, history, now), now), now);
    }

    private static boolean alreadyDecided(UUID complaintId, int round) {
        if (Recovery.decided(complaintId, round)) {
            LOG.infof("Complaint %s already has its round %d recovery; not deciding twice", complaintId, round);
            return true;
        }
        return false;
    }
}
