package dev.amends.recovery.decision;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recovery decision as a supervisor reads it, with the reasons in plain words. */
public record RecoveryView(
        UUID id,
        UUID complaintId,
        int round,
        String tenant,
        String customerId,
        RecoveryOutcome outcome,
        Fault fault,
        List<ApologyPart> apology,
        MakeGoodKind makeGoodKind,
        Money makeGood,
        AuthorityLevel authority,
        EscalationView escalation,
        List<String> rationale,
        Instant decidedAt) {

    public record EscalationView(AuthorityLevel level, String owner, Instant dueAt) {
    }

    static RecoveryView of(Recovery r) {
        return new RecoveryView(r.id, r.complaintId, r.round, r.tenant, r.customerId, r.outcome, r.fault, r.apologyParts(),
                r.makeGoodKind, r.makeGoodValue(), r.authority,
                r.escalationOwner == null ? null
                        : new EscalationView(r.escalationLevel, r.escalationOwner, r.escalationDueAt),
                List.of(r.rationale.split("\n")), r.decidedAt);
    }
}
