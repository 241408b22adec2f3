package dev.amends.notification.channel;

import dev.amends.contract.complaint.ContactChannel;
import java.util.UUID;

/** What a channel needs to send one message; a copy, so the send happens outside any transaction. */
public record OutgoingMessage(UUID id, UUID complaintId, ContactChannel channel, String tenant, String customerId,
        String recipient, String subject, String text, String html, String unsubscribeUrl) {
}
