package dev.amends.notification.message;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.notification.delivery.Dispatcher;
import dev.amends.notification.link.SignedLinks;
import dev.amends.notification.preference.ContactPreference;
import dev.amends.notification.preference.ContactRules;
import dev.amends.notification.writing.Letter;
import dev.amends.notification.writing.MessageWriter;
import dev.amends.notification.writing.Words;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.tracing.TraceParent;
import dev.amends.voice.ToneCheck;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes each message once, in the customer's language, for the channel they can be reached on,
 * and decides its fate before anything is sent: pending (due now, after their quiet hours, or on a
 * later day), held for a person when it fails the tone check, or suppressed when the customer
 * cannot or does not want to be reached. The dispatcher sends what is pending.
 */
@ApplicationScoped
public class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class);

    private final ContactRules rules;
    private final MessageWriter writer;
    private final SignedLinks links;
    private final Dispatcher dispatcher;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    Messages(ContactRules rules, MessageWriter writer, SignedLinks links, Dispatcher dispatcher,
            MeterRegistry registry, AfterCommit afterCommit) {
        this.rules = rules;
        this.writer = writer;
        this.links = links;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** What one message is, before it is written. {@code notBefore} is its earliest time, before quiet hours. */
    public record Draft(String tenant, UUID complaintId, Customer customer, String summary, Specifics specifics,
            MessageKind kind, int round, int occasion, Fault fault, boolean urgent, Instant notBefore) {
    }

    /** Fills in a letter in the customer's words; {@code messageId} is for links that name the message. */
    @FunctionalInterface
    public interface Content {
        Letter write(Letter.Builder letter, Words words, UUID messageId);
    }

    /** Writes the message; empty when this (complaint, kind, round, occasion) has one already. Call in a transaction. */
    public Optional<CustomerMessage> write(Draft draft, Content content) {
        if (CustomerMessage.exists(draft.complaintId(), draft.kind(), draft.round(), draft.occasion())) {
            LOG.infof("Complaint %s already has its round %d %s message; not writing it twice", draft.complaintId(),
                    draft.round(), draft.kind());
            return Optional.empty();
        }
        Customer customer = draft.customer();
        Optional<ContactPreference> preference = rules.preference(draft.tenant(), customer.id());
        Words words = Words.of(customer.locale(), preference.map(p -> p.timeZone).orElse(customer.timeZone()));
        ContactRules.Reach reach = rules.reach(draft.tenant(), customer, preference);
        boolean sms = reach.channel() == ContactChannel.SMS;

        CustomerMessage message = new CustomerMessage();
        message.id = UUID.randomUUID();
        Letter letter = content.write(words.letterTo(firstName(customer.name()), draft.summary(), draft.specifics())
                .reopened(draft.round() > 1).sms(sms), words, message.id);
        MessageWriter.Written written;
        String checked;
        if (sms) {
            MessageWriter.Written whole = writer.letter(draft.kind(), words.language(), letter);
            written = writer.sms(draft.kind(), words.language(), letter, links.letterUrl(message.id));
            message.letterHtml = whole.html();
            // The letter the SMS links to is ours as much as the SMS: the tone check reads both.
            checked = written.text() + "\n" + whole.text();
        } else {
            written = writer.email(draft.kind(), words.language(), letter,
                    links.unsubscribeUrl(draft.tenant(), customer.id()));
            checked = written.text();
        }
        message.tenant = draft.tenant();
        message.complaintId = draft.complaintId();
        message.customerId = customer.id();
        message.kind = draft.kind();
        message.round = draft.round();
        message.occasion = draft.occasion();
        message.channel = reach.channel();
        message.recipient = reach.recipient();
        message.locale = words.language();
        message.timeZone = customer.timeZone();
        message.subject = written.subject();
        message.body = written.text();
        message.htmlBody = written.html();
        message.urgent = draft.urgent();
        message.createdAt = Instant.now();
        message.dueAt = draft.notBefore();
        message.traceparent = TraceParent.current();

        List<ToneCheck.Finding> findings = ToneCheck.check(written.subject() + "\n" + checked, draft.fault());
        if (!reach.reachable()) {
            message.status = MessageStatus.SUPPRESSED;
            message.reason = "Not sent: " + reach.unreachableBecause();
        } else if (!findings.isEmpty()) {
            message.status = MessageStatus.HELD;
            message.reason = findings.stream().map(ToneCheck.Finding::explain).collect(Collectors.joining("\n"));
            LOG.warnf("Held the round %d %s message of complaint %s for a person: it breaks %s", draft.round(),
                    draft.kind(), draft.complaintId(), findings.stream().map(f -> f.rule().name()).distinct().toList());
        } else {
            message.status = MessageStatus.PENDING;
            if (!draft.urgent()) {
                message.dueAt = rules.outsideQuietHours(preference, customer.timeZone(), draft.notBefore());
            }
        }
        MessageStatus status = message.status;
        if (status == MessageStatus.PENDING && !message.dueAt.isAfter(Instant.now())) {
            dispatcher.claimAsWritten(message);
        }
        message.persist();
        afterCommit.run(() -> registry.counter("amends.messages.written", "kind", draft.kind().name(), "status",
                status.name()).increment());
        return Optional.of(message);
    }

    /** Follow-ups of earlier rounds are no longer the right question once a complaint is reopened. */
    public void cancelFollowUpsBefore(UUID complaintId, int round) {
        CustomerMessage.update("status = ?1, reason = ?2 where complaintId = ?3 and kind = ?4 and round < ?5 "
                + "and status = ?6", MessageStatus.CANCELLED, "The complaint was reopened before it was due",
                complaintId, MessageKind.FOLLOW_UP, round, MessageStatus.PENDING);
    }

    private static String firstName(String name) {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
