package dev.amends.notification.message;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.outbox.Outbox;
import dev.amends.voice.ToneCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Writes to the customer whenever their recovery moves: the apology when it is decided, the
 * confirmation when a person granted an escalated make-good, an update with the new date when an
 * escalation missed its deadline, and an honest answer when a make-good was declined. The message,
 * its customer.notified event and the processed-event mark commit together, and each message is
 * sent once.
 */
@ApplicationScoped
public class Apologies {

    private static final Logger LOG = Logger.getLogger(Apologies.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final ApologyWriter writer;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final Clock clock = Clock.systemUTC();

    Apologies(Inbox inbox, Outbox outbox, ApologyWriter writer, MeterRegistry registry, AfterCommit afterCommit) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.writer = writer;
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    @Incoming(Channels.RECOVERIES)
    @Blocking
    @Transactional
    public void onRecovery(ConsumerRecord<String, String> record) {
        inbox.receive(record).ifPresent(event -> {
            if (event instanceof RecoveryDecided decision) {
                send(event, decision.customer(), decision.outcome() == RecoveryOutcome.ESCALATED
                        ? MessageKind.ESCALATION_NOTICE : MessageKind.APOLOGY, decision.round(), 0,
                        writer.write(decision), decision.fault());
            } else if (event instanceof MakeGoodIssued issued && issued.escalationId() != null) {
                // A make-good granted at once is already in the apology; one a person granted is news.
                send(event, issued.customer(), MessageKind.MAKE_GOOD_CONFIRMATION, issued.round(), 0,
                        writer.confirm(issued), Fault.UNKNOWN);
            } else if (event instanceof EscalationExpired expired) {
                send(event, expired.customer(), MessageKind.ESCALATION_UPDATE, expired.round(), expired.expiries(),
                        writer.update(expired), Fault.UNKNOWN);
            } else if (event instanceof EscalationDeclined declined) {
                send(event, declined.customer(), MessageKind.ESCALATION_DECLINED, declined.round(), 0,
                        writer.answer(declined), declined.fault());
            }
        });
    }

    /**
     * Writes the message and, when it passes the tone check, sends it and announces it; a message
     * that fails is held for a person, with the phrases and rules named, and nothing goes out.
     */
    private void send(DomainEvent cause, Customer customer, MessageKind kind, int round, int occasion,
            ApologyWriter.Draft draft, Fault fault) {
        if (CustomerMessage.alreadySent(cause.complaintId(), kind, round, occasion)) {
            LOG.infof("Complaint %s already has its round %d %s message; not sending twice", cause.complaintId(),
                    round, kind);
            return;
        }
        Instant now = clock.instant();
        CustomerMessage message = new CustomerMessage();
        message.id = UUID.randomUUID();
        message.tenant = cause.tenant();
        message.complaintId = cause.complaintId();
        message.customerId = cause.customerId();
        message.kind = kind;
        message.round = round;
        message.occasion = occasion;
        message.channel = channelFor(customer);
        message.recipient = message.channel == ContactChannel.SMS ? customer.phone() : customer.email();
        message.subject = draft.subject();
        message.body = draft.body();
        List<ToneCheck.Finding> findings = ToneCheck.check(draft.subject() + "\n" + draft.body(), fault);
        if (!findings.isEmpty()) {
            message.status = MessageStatus.HELD;
            message.heldBecause = findings.stream().map(ToneCheck.Finding::explain).collect(Collectors.joining("\n"));
            message.persist();
            LOG.warnf("Held the round %d %s message of complaint %s for a person: it breaks %s", round, kind,
                    cause.complaintId(), findings.stream().map(f -> f.rule().name()).distinct().toList());
            afterCommit.run(() -> registry.counter("amends.messages.held", "kind", kind.name()).increment());
            return;
        }
        message.status = MessageStatus.SENT;
        message.sentAt = now;
        message.persist();
        outbox.record(new CustomerNotified(cause.tenant(), cause.complaintId(), cause.customerId(), message.id, kind,
                message.channel, now, round), now);
        afterCommit.run(() -> registry.counter("amends.messages.sent", "kind", kind.name(),
                "channel", message.channel.name()).increment());
    }

    private static ContactChannel channelFor(Customer customer) {
        if (customer.preferredChannel() == ContactChannel.SMS && customer.phone() != null) {
            return ContactChannel.SMS;
        }
        return customer.email() != null ? ContactChannel.EMAIL : ContactChannel.SMS;
    }
}
