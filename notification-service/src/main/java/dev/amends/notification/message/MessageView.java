package dev.amends.notification.message;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.notification.MessageKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A message as operations and CRMs see it: what, to whom, on which channel, and its delivery
 * state; {@code reason} says why it is held, suppressed or parked, or why the last attempt failed.
 */
public record MessageView(UUID id, UUID complaintId, int round, MessageKind kind, ContactChannel channel,
        String recipient, String locale, String subject, String body, MessageStatus status, String reason,
        int attempts, Instant createdAt, Instant dueAt, Instant sentAt, String providerReference) {

    public static MessageView of(CustomerMessage m) {
        return new MessageView(m.id, m.complaintId, m.round, m.kind, m.channel, m.recipient, m.locale, m.subject,
                m.body, m.status, m.reason, m.attempts, m.createdAt, m.dueAt, m.sentAt, m.providerReference);
    }
}
