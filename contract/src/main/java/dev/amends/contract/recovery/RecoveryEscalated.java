package dev.amends.contract.recovery;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.Customer;
import java.time.Instant;
import java.util.UUID;

/**
 * A recovery went to a person: the escalation's owner and deadline, what the policy proposes they
 * grant, and in plain words why it needs them. {@code overService} says the faster deadline and the
 * more senior owner were chosen because the customer is to be over-served.
 */
public record RecoveryEscalated(
        String tenant,
        UUID complaintId,
        UUID recoveryId,
        Customer customer,
        String summary,
        Escalation escalation,
        boolean overService,
        String reason,
        Instant escalatedAt,
        int round) implements DomainEvent {

    @Override
    public String customerId() {
        return customer.id();
    }
}
