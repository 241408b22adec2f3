package dev.amends.notification.message;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.platform.outbox.Outbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Sends the apology for every recovery decided. The message, its customer.notified event and the
 * processed-event mark commit together, and a complaint gets each kind of message once.
 */
@ApplicationScoped
public class Apologies {

    private static final Logger LOG = Logger.getLogger(Apologies.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final ApologyWriter writer;
    private final Clock clock = Clock.systemUTC();

    Apologies(Inbox inbox, Outbox outbox, ApologyWriter writer) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.writer = writer;
    }

    @Incoming(Channels.RECOVERIES)
    @Blocking
    @Transactional
    public void onRecovery(ConsumerRecord<String, String> record) {
        inbox.receive(record)
                .filter(RecoveryDecided.class::isInstance)
                .map(RecoveryDecided.class::cast)
                .ifPresent(this::send);
    }

    void send(RecoveryDecided decision) {
        MessageKind kind = decision.outcome() == RecoveryOutcome.ESCALATED
                ? MessageKind.ESCALATION_NOTICE : MessageKind.APOLOGY;
        if (CustomerMessage.alreadySent(decision.complaintId(), kind, decision.round())) {
            LOG.infof("Complaint %s already has its round %d %s message; not sending twice", decision.complaintId(),
                    decision.round(), kind);
            return;
        }
        ApologyWriter.Draft draft = writer.write(decision);
        Instant now = clock.instant();
        CustomerMessage message = new CustomerMessage();
        message.id = UUID.randomUUID();
        message.tenant = decision.tenant();
        message.complaintId = decision.complaintId();
        message.customerId = decision.customerId();
        message.kind = kind;
        message.round = decision.round();
        message.channel = channelFor(decision.customer());
        message.recipient = message.channel == ContactChannel.SMS ? decision.customer().phone()
                : decision.customer().email();
        message.subject = draft.subject();
        message.body = draft.body();
        message.sentAt = now;
        message.persist();
        outbox.record(new CustomerNotified(decision.tenant(), decision.complaintId(), decision.customerId(),
                message.id, kind, message.channel, now, decision.round()), now);
    }

    private static ContactChannel channelFor(Customer customer) {
        if (customer.preferredChannel() == ContactChannel.SMS && customer.phone() != null) {
            return ContactChannel.SMS;
        }
        return customer.email() != null ? ContactChannel.EMAIL : ContactChannel.SMS;
    }
}
