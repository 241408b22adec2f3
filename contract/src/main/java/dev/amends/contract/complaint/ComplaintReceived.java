package dev.amends.contract.complaint;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.Money;
import dev.amends.contract.recovery.Fault;
import java.time.Instant;
import java.util.UUID;

/**
 * A CRM filed a complaint. {@code story} is the customer's own account, exactly as sent, and
 * {@code desiredOutcome} is what they say they want (rule 1: listen first). {@code triage} was
 * added after the first release; producers always set it, older records may lack it. {@code fault}
 * is whose fault the CRM agent established, if anyone's (added later too: missing means
 * {@link Fault#UNKNOWN}); it decides which parts of the apology are honest.
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
        Instant receivedAt,
        Fault fault) implements DomainEvent {

    public ComplaintReceived {
        fault = fault == null ? Fault.UNKNOWN : fault;
    }

    @Override
    public String customerId() {
        return customer.id();
    }
}
