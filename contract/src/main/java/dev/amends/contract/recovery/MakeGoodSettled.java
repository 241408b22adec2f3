package dev.amends.contract.recovery;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.Customer;
import java.time.Instant;
import java.util.UUID;

/**
 * The system that pays out (billing, payments, the warehouse) confirmed that one part of an issued
 * make-good reached the customer: the refund cleared, the credit is on the account, the
 * replacement shipped. {@code reference} is that system's own reference, for the customer to quote.
 */
public record MakeGoodSettled(
        String tenant,
        UUID complaintId,
        UUID recoveryId,
        Customer customer,
        String summary,
        MakeGoodKind kind,
        Money value,
        String reference,
        Instant settledAt,
        int round) implements DomainEvent {

    public MakeGoodSettled {
        round = Math.max(round, 1);
    }

    @Override
    public String customerId() {
        return customer.id();
    }
}
