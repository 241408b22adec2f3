package dev.amends.review.caserecord;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventType;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.customer.CustomerErased;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodSettled;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.review.customer.CustomerRecords;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the case records from the complaint, recovery and notification events. The topics are not
 * ordered against each other, so each event fills in its own columns or facts whichever comes first.
 */
@ApplicationScoped
public class CaseRecords {

    private static final Set<EventType> READS = EnumSet.of(EventType.COMPLAINT_RECEIVED, EventType.RECOVERY_DECIDED,
            EventType.MAKE_GOOD_ISSUED, EventType.MAKE_GOOD_SETTLED, EventType.CUSTOMER_ERASED,
            EventType.CUSTOMER_NOTIFIED);

    private final Inbox inbox;
    private final CustomerRecords customers;

    CaseRecords(Inbox inbox, CustomerRecords customers) {
        this.inbox = inbox;
        this.customers = customers;
    }

    @Incoming(Channels.EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive(batch, READS, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof ComplaintReceived complaint) {
            CaseRecord.forComplaint(complaint.complaintId(), complaint.tenant(), complaint.customer(),
                    complaint.summary()).received(complaint);
        } else if (event instanceof RecoveryDecided decision) {
            CaseRecord.forComplaint(decision.complaintId(), decision.tenant(), decision.customer(),
                    decision.summary()).recoveryDecided(decision);
        } else if (event instanceof MakeGoodIssued issued) {
            for (LedgerLine line : issued.entries()) {
                CaseFact.record(line.entryId(), issued.complaintId(), FactKind.MAKE_GOOD_ISSUED,
                        line.makeGood().kind().name(), issued.issuedAt(),
                        EventType.of(issued).ceType() + ", ledger entry " + line.entryId());
            }
        } else if (event instanceof MakeGoodSettled settled) {
            // A settlement has no id of its own; one part of one recovery settles once.
            UUID id = UUID.nameUUIDFromBytes((settled.recoveryId() + "/" + settled.kind())
                    .getBytes(StandardCharsets.UTF_8));
            CaseFact.record(id, settled.complaintId(), FactKind.MAKE_GOOD_SETTLED, settled.kind().name(),
                    settled.settledAt(), EventType.of(settled).ceType() + ", recovery " + settled.recoveryId());
        } else if (event instanceof CustomerErased erased) {
            customers.erase(erased);
        } else if (event instanceof CustomerNotified notified) {
            CaseFact.record(notified.messageId(), notified.complaintId(), FactKind.REPLIED, notified.kind().name(),
                    notified.notifiedAt(), EventType.of(notified).ceType() + ", message " + notified.messageId());
        }
    }
}
