package dev.amends.contract.complaint;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A CRM filed a complaint. {@code story} is the customer's own account, exactly as sent, and
 * {@code desiredOutcome} is what they say they want (rule 1: listen first). {@code triage} was
 * added after the first release; producers always set it, older records may lack it.
 */
public record ComplaintReceived(
        String tenant,
        UUID complaintId,
        Customer customer,
        ContactChannel receivedVia,
        ComplaintCategory category,
        String summary,
        String story,
        String desiredOutcome,
        String orderReference,
        Money amountAtStake,
        Instant occurredAt,
        String crmReference,
        Triage triage,
        Instant receivedAt) implements DomainEvent {

    @Override
    public String customerId() {
        return customer.id();
    }
}
