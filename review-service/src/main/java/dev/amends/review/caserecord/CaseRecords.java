package dev.amends.review.caserecord;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the case records from the complaint and recovery events. The two topics are not ordered
 * against each other, so each event fills in its own columns whichever comes first.
 */
@ApplicationScoped
public class CaseRecords {

    private final Inbox inbox;

    CaseRecords(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Channels.COMPLAINTS)
    @Blocking
    @Transactional
    public void onComplaint(ConsumerRecord<String, String> record) {
        inbox.receive(record).ifPresent(this::apply);
    }

    @Incoming(Channels.RECOVERIES)
    @Blocking
    @Transactional
    public void onRecovery(ConsumerRecord<String, String> record) {
        inbox.receive(record).ifPresent(this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof ComplaintReceived complaint) {
            CaseRecord.forComplaint(complaint.complaintId(), complaint.tenant(), complaint.customer(),
                    complaint.summary()).received(complaint);
        } else if (event instanceof RecoveryDecided decision) {
            CaseRecord.forComplaint(decision.complaintId(), decision.tenant(), decision.customer(),
                    decision.summary()).recoveryDecided(decision);
        }
    }
}
