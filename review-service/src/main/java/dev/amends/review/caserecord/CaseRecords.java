package dev.amends.review.caserecord;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventType;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.customer.CustomerErased;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.FeedbackReceived;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodSettled;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryEscalated;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.review.customer.CustomerRecords;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the case records from the complaint, recovery and notification events. The topics are not
 * ordered against each other, so each event fills in its own columns or facts whichever comes first.
 * Each change is announced, once, to what rests on the record: waiting reviews and their drafts.
 */
@ApplicationScoped
public class CaseRecords {

    private static final Set<EventType> READS = EnumSet.of(EventType.COMPLAINT_RECEIVED, EventType.RECOVERY_DECIDED,
            EventType.RECOVERY_ESCALATED, EventType.MAKE_GOOD_ISSUED, EventType.MAKE_GOOD_SETTLED,
            EventType.ESCALATION_DECLINED, EventType.CUSTOMER_ERASED, EventType.CUSTOMER_NOTIFIED,
            EventType.FEEDBACK_RECEIVED);

    /** Longer than taking in a pushed review ever takes: its transaction is short and bounded. */
    private static final Duration INGEST_AT_MOST = Duration.ofMinutes(1);

    private final Inbox inbox;
    private final CustomerRecords customers;
    private final Event<CaseRecordsChanged> changed;
    private final Event<CaseRecordsCommitted> committed;

    CaseRecords(Inbox inbox, CustomerRecords customers, Event<CaseRecordsChanged> changed,
            Event<CaseRecordsCommitted> committed) {
        this.inbox = inbox;
        this.customers = customers;
        this.changed = changed;
        this.committed = committed;
    }

    @Incoming(Channels.EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive(batch, READS, Changes::new);
    }

    /**
     * One transaction's events: each changes its record at once; what rests on the records (waiting
     * reviews, drafts) is told once, for all of them, when the events are applied, so that it reads
     * and locks each review once per batch, in one order, however many of its records changed.
     */
    private final class Changes implements Inbox.BatchWork {

        private final List<CaseRecordChanged> changes = new ArrayList<>();
        private final Instant started = Instant.now();

        @Override
        public void apply(DomainEvent event) {
            CaseRecords.this.apply(event, changes);
        }

        @Override
        public void applied() {
            if (!changes.isEmpty()) {
                changed.fire(new CaseRecordsChanged(List.copyOf(changes)));
            }
        }

        @Override
        public void committed() {
            List<CaseRecordChanged> arrived = changes.stream().filter(change -> change.arrived() != null).toList();
            if (!arrived.isEmpty()) {
                // A review taken in just before the batch began may have committed while it ran, unseen.
                committed.fire(new CaseRecordsCommitted(arrived, started.minus(INGEST_AT_MOST)));
            }
        }
    }

    private void apply(DomainEvent event, List<CaseRecordChanged> changes) {
        if (event instanceof ComplaintReceived complaint) {
            CaseRecord record = CaseRecord.forComplaint(complaint.complaintId(), complaint.tenant(),
                    complaint.customer(), complaint.summary());
            record.received(complaint);
            changes.add(new CaseRecordChanged(complaint.tenant(), complaint.complaintId(), CaseSnapshot.of(record),
                    "the complaint arrived"));
        } else if (event instanceof RecoveryDecided decision) {
            CaseRecord.forComplaint(decision.complaintId(), decision.tenant(), decision.customer(),
                    decision.summary()).recoveryDecided(decision);
        } else if (event instanceof RecoveryEscalated escalated) {
            fact(changes, event, escalated.recoveryId(), "escalated", FactKind.ESCALATED,
                    escalated.escalation().level().name(), escalated.escalatedAt(), "recovery " + escalated.recoveryId());
        } else if (event instanceof MakeGoodIssued issued) {
            for (LedgerLine line : issued.entries()) {
                fact(changes, event, line.entryId(), null, FactKind.MAKE_GOOD_ISSUED, line.makeGood().kind().name(),
                        issued.issuedAt(), "ledger entry " + line.entryId());
            }
        } else if (event instanceof MakeGoodSettled settled) {
            // A settlement has no id of its own; one part of one recovery settles once.
            fact(changes, event, settled.recoveryId(), settled.kind().name(), FactKind.MAKE_GOOD_SETTLED, settled.kind().name(),
                    settled.settledAt(), "recovery " + settled.recoveryId());
        } else if (event instanceof EscalationDeclined declined) {
            fact(changes, event, declined.escalationId() == null ? declined.recoveryId() : declined.escalationId(), "declined",
                    FactKind.ESCALATION_DECLINED, declined.level().name(), declined.declinedAt(),
                    "recovery " + declined.recoveryId());
        } else if (event instanceof CustomerErased erased) {
            customers.erase(erased);
        } else if (event instanceof CustomerNotified notified) {
            fact(changes, event, notified.messageId(), null, FactKind.REPLIED, notified.kind().name(), notified.notifiedAt(),
                    "message " + notified.messageId());
        } else if (event instanceof FeedbackReceived feedback) {
            fact(changes, event, feedback.complaintId(), "feedback/" + feedback.round(), FactKind.FEEDBACK,
                    feedback.fixed() ? "FIXED" : "NOT_FIXED", feedback.answeredAt(),
                    "follow-up " + feedback.followUpId() + ", round " + feedback.round());
        }
    }

    /**
     * Records a fact under the id it has where it was recorded, or, for an event without an id of
     * its own, under one derived from that id and {@code part}, so that a redelivery finds it again.
     */
    private static void fact(List<CaseRecordChanged> changes, DomainEvent event, UUID recordId, String part, FactKind kind, String detail, Instant at,
            String where) {
        UUID id = part == null ? recordId
                : UUID.nameUUIDFromBytes((recordId + "/" + part).getBytes(StandardCharsets.UTF_8));
        UUID complaintId = event.complaintId();
        if (CaseFact.record(id, complaintId, kind, detail, at, EventType.of(event).ceType() + ", " + where)) {
            changes.add(new CaseRecordChanged(event.tenant(), complaintId, null, kind.describe(detail)));
        }
    }
}
