package dev.amends.contract.notification;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.ContactChannel;
import java.time.Instant;
import java.util.UUID;

/**
 * A message about the complaint went out to the customer (the N of LEARN), about the recovery of
 * the given round (a missing value means 1).
 */
public record CustomerNotified(
        String tenant,
        UUID complaintId,
        String customerId,
        UUID messageId,
        MessageKind kind,
        ContactChannel channel,
        Instant notifiedAt,
        int round) implements DomainEvent {

    public CustomerNotified {
        round = Math.max(round, 1);
    }
}
