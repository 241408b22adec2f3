package dev.amends.recovery.ledger;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.MakeGoodKind;
import java.time.Instant;
import java.util.UUID;

/** A ledger line as finance and supervisors read it. */
public record LedgerEntryView(UUID id, UUID complaintId, UUID recoveryId, MakeGoodKind kind, Money value,
        String description, int policyVersion, AuthorityLevel authority, String approvedBy, UUID escalationId,
        Instant issuedAt, Instant settledAt, String settlementReference, String settledBy) {

    public static LedgerEntryView of(LedgerEntry e) {
        return new LedgerEntryView(e.id, e.complaintId, e.recoveryId, e.kind, e.value(), e.description,
                e.policyVersion, e.authority, e.approvedBy, e.escalationId, e.issuedAt, e.settledAt,
                e.settlementReference, e.settledBy);
    }
}
