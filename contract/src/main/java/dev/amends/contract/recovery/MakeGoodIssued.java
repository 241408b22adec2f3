package dev.amends.contract.recovery;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.Customer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A make-good was issued and written to the ledger, exactly once per recovery: at once by the
 * automatic level, or when a person approved an escalation ({@code escalationId} set). {@code
 * makeGood} is the whole, {@code entries} the ledger lines, one per part. {@code approvedBy} is
 * {@code "policy"} for automatic grants.
 */
public record MakeGoodIssued(
        String tenant,
        UUID complaintId,
        UUID recoveryId,
        UUID escalationId,
        Customer customer,
        String summary,
        MakeGood makeGood,
        List<LedgerLine> entries,
        AuthorityLevel authority,
        String approvedBy,
        String note,
        int policyVersion,
        Instant issuedAt,
        int round) implements DomainEvent {

    @Override
    public String customerId() {
        return customer.id();
    }
}
