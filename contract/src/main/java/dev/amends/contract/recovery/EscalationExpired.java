package dev.amends.contract.recovery;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.Customer;
import java.time.Instant;
import java.util.UUID;

/**
 * Nobody answered an escalation by its deadline, so it moved up: {@code escalation} is where it
 * stands now (the next level, its owner and new deadline; at the top level, the same level with a
 * new deadline), {@code expiredLevel}, {@code expiredOwner} and {@code expiredDueAt} what was missed.
 * The customer is told when to expect an answer now. {@code expiries} counts the misses so far.
 */
public record EscalationExpired(
        String tenant,
        UUID complaintId,
        UUID recoveryId,
        Customer customer,
        String summary,
        AuthorityLevel expiredLevel,
        String expiredOwner,
        Instant expiredDueAt,
        Escalation escalation,
        int expiries,
        Instant expiredAt,
        int round) implements DomainEvent {

    @Override
    public String customerId() {
        return customer.id();
    }
}
