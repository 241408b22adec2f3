package dev.amends.contract.complaint;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.Money;
import dev.amends.contract.recovery.Fault;
import java.time.Instant;
import java.util.UUID;

/**
 * A CRM filed a complaint. The customer's own story and what they want stay with intake-service,
 * which keeps them verbatim (rule 1: listen first); no consumer decides on them, so the event does
 * not carry them (records written before carry {@code story} and {@code desiredOutcome}, which
 * readers ignore). {@code triage} was added after the first release; producers always set it,
 * older records may lack it. {@code fault}
 * is whose fault the CRM agent established, if anyone's (added later too: missing means
 * {@link Fault#UNKNOWN}); it decides which parts of the apology are honest. {@code specifics} are
 * what a message may refer to (added later: missing means none beyond the summary).
 */
public record ComplaintReceived(
        String tenant,
        UUID complaintId,
        Customer customer,
        ContactChannel receivedVia,
        ComplaintCategory category,
        String summary,
        String orderReference,
        Money amountAtStake,
        Instant occurredAt,
        String crmReference,
        Triage triage,
        Instant receivedAt,
        Fault fault,
        Specifics specifics) implements DomainEvent {

    public ComplaintReceived {
        fault = fault == null ? Fault.UNKNOWN : fault;
    }

    @Override
    public String customerId() {
        return customer.id();
    }
}
