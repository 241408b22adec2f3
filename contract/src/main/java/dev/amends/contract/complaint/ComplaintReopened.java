package dev.amends.contract.complaint;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.Money;
import dev.amends.contract.recovery.Fault;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer or their CRM says the complaint is not resolved. It carries the complaint as filed
 * so the recovery can be decided again without another lookup; {@code round} counts the recoveries
 * (2 for the first reopening) and {@code reason} is why, in the words given. {@code fault} as on
 * {@code complaint.received} (missing means unknown), {@code specifics} too (missing means none).
 */
public record ComplaintReopened(
        String tenant,
        UUID complaintId,
        Customer customer,
        ComplaintCategory category,
        String summary,
        String orderReference,
        Money amountAtStake,
        Triage triage,
        int round,
        String reason,
        String reopenedBy,
        Instant reopenedAt,
        Fault fault,
        Specifics specifics) implements DomainEvent {

    public ComplaintReopened {
        fault = fault == null ? Fault.UNKNOWN : fault;
    }

    @Override
    public String customerId() {
        return customer.id();
    }
}
