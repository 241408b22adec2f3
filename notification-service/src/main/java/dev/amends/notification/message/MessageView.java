package dev.amends.notification.message;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.notification.MessageKind;
import java.time.Instant;
import java.util.UUID;

public record MessageView(UUID id, UUID complaintId, int round, MessageKind kind, ContactChannel channel,
        String recipient, String subject, String body, MessageStatus status, String heldBecause, Instant sentAt) {

    static MessageView of(CustomerMessage m) {
        return new MessageView(m.id, m.complaintId, m.round, m.kind, m.channel, m.recipient, m.subject, m.body,
                m.status, m.heldBecause, m.sentAt);
    }
}
