package dev.amends.contract.customer;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.Customer;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer asked to be forgotten (or their data's time ran out): every service removes or
 * irreversibly pseudonymizes what it holds about them, keeping only what the law requires (the
 * ledger's amounts). The event names the customer by id alone; {@code pseudonym} is what the id
 * becomes everywhere, so the ledger's entries still add up per (former) customer.
 */
public record CustomerErased(
        String tenant,
        String customerId,
        String pseudonym,
        UUID erasureId,
        String requestedBy,
        Instant requestedAt) implements DomainEvent {

    /** What an erased customer's personal text reads as, wherever a column must hold some text. */
    public static final String TEXT = "[erased]";

    /** The customer as services keep them after the erasure: the pseudonym, and nothing that identifies. */
    public Customer erased(Customer customer) {
        return new Customer(pseudonym, TEXT, null, null, customer == null ? null : customer.preferredChannel(),
                customer == null ? null : customer.locale(), null, customer == null ? null : customer.tier());
    }

    /** An erasure is about a customer, not one complaint. */
    @Override
    public UUID complaintId() {
        return null;
    }

    @Override
    public String subject() {
        return "erasure/" + erasureId;
    }
}
