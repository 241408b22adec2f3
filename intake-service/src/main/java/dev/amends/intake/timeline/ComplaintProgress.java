package dev.amends.intake.timeline;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventType;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.FeedbackReceived;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryEscalated;
import dev.amends.intake.complaint.Complaint;
import dev.amends.intake.complaint.ComplaintMetrics;
import dev.amends.intake.rootcause.MadeGood;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Brings what happened downstream back onto the complaint's status and timeline; a customer's
 * "not fixed yet" on the follow-up reopens the complaint, as if they had asked through the CRM.
 */
@ApplicationScoped
public class ComplaintProgress {

    private static final Set<EventType> READS = EnumSet.of(EventType.RECOVERY_DECIDED, EventType.MAKE_GOOD_ISSUED,
            EventType.RECOVERY_ESCALATED, EventType.ESCALATION_EXPIRED, EventType.ESCALATION_DECLINED,
            EventType.FEEDBACK_RECEIVED, EventType.CUSTOMER_NOTIFIED);

    private final Inbox inbox;
    private final Outbox outbox;
    private final ContactSeal seal;
    private final ComplaintMetrics metrics;
    private final Timer timeToNotified;
    private final AfterCommit afterCommit;

    ComplaintProgress(Inbox inbox, Outbox outbox, ComplaintMetrics metrics, MeterRegistry registry,
            AfterCommit afterCommit, ContactSeal seal) {
        this.inbox = inbox;
        this.seal = seal;
        this.outbox = outbox;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.timeToNotified = Timer.builder("amends.complaint.time.to.notified")
                .description("From a complaint filed to the first message its customer got")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Incoming(Channels.EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive(batch, READS, this::apply);
    }

    private void apply(DomainEvent event) {
        // Recovery and notification events about one complaint may be in two consumers' batches at
        // once; the row lock makes them apply one after the other instead of failing each other's
        // commit (a deadlock between two batches is tried again, see DatabaseRetry).
        Complaint complaint = Complaint.<Complaint>findByIdOptional(event.complaintId(), LockModeType.PESSIMISTIC_WRITE)
                .filter(c -> c.tenant.equals(event.tenant()))
                .orElseThrow(() -> new UnknownComplaintException(event));
        String recovery = Topic.RECOVERIES.producer().serviceName();
        if (event instanceof RecoveryDecided decided) {
            complaint.recoveryDecided(decided, recovery);
        } else if (event instanceof MakeGoodIssued issued) {
            complaint.makeGoodIssued(issued, recovery);
            MadeGood.record(issued);
        } else if (event instanceof RecoveryEscalated escalated) {
            complaint.recoveryEscalated(escalated, recovery);
        } else if (event instanceof EscalationExpired expired) {
            complaint.escalationExpired(expired, recovery);
        } else if (event instanceof EscalationDeclined declined) {
            complaint.escalationDeclined(declined);
        } else if (event instanceof FeedbackReceived feedback) {
            complaint.feedbackReceived(feedback, Topic.NOTIFICATIONS.producer().serviceName(), seal).ifPresent(reopened -> {
                outbox.record(reopened, reopened.reopenedAt());
                metrics.reopened(complaint);
            });
        } else if (event instanceof CustomerNotified notified) {
            boolean first = complaint.firstNotifiedAt == null;
            complaint.customerNotified(notified, Topic.NOTIFICATIONS.producer().serviceName());
            if (first) {
                Duration waited = Duration.between(complaint.receivedAt, notified.notifiedAt());
                afterCommit.run(() -> timeToNotified.record(waited));
            }
        }
    }

    /** An event about a complaint this service never filed: it goes to the dead-letter topic. */
    static final class UnknownComplaintException extends RuntimeException {
        UnknownComplaintException(DomainEvent event) {
            super("no complaint " + event.complaintId() + " for tenant " + event.tenant());
        }
    }
}
