package dev.amends.contract.notification;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.ContactChannel;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer answered the follow-up of the given recovery round: {@code fixed} is their "yes,
 * fixed" or "no, not yet", recorded once. A "no" reopens the complaint; {@code followUpId} is the
 * follow-up message they answered, and {@code channel} how they answered (a link, an SMS reply).
 */
public record FeedbackReceived(
        String tenant,
        UUID complaintId,
        String customerId,
        int round,
        boolean fixed,
        UUID followUpId,
        ContactChannel channel,
        Instant answeredAt) implements DomainEvent {

    public FeedbackReceived {
        round = Math.max(round, 1);
    }
}
