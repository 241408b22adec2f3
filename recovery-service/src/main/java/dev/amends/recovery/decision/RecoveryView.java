package dev.amends.recovery.decision;

import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.recovery.escalation.EscalationView;
import dev.amends.recovery.ledger.LedgerEntryView;
import dev.amends.recovery.policy.MakeGoods;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recovery as a supervisor reads it: what the policy decided and why in plain words, where its
 * escalation stands now, and what the ledger says was actually issued.
 */
public record RecoveryView(
        UUID id,
        UUID complaintId,
        int round,
        String tenant,
        String customerId,
        RecoveryOutcome outcome,
        Fault fault,
        List<ApologyPart> apology,
        MakeGood makeGood,
        List<MakeGood> makeGoods,
        AuthorityLevel authority,
        boolean overService,
        int policyVersion,
        String rule,
        List<String> rationale,
        Instant decidedAt,
        EscalationView escalation,
        List<LedgerEntryView> issued) {

    public static RecoveryView of(Recovery r, EscalationView escalation, List<LedgerEntryView> issued) {
        return new RecoveryView(r.id, r.complaintId, r.round, r.tenant, r.customerId, r.outcome, r.fault,
                r.apologyParts(), MakeGoods.whole(r.makeGoods), r.makeGoods, r.authority,
                r.overService, r.policyVersion, r.rule, List.of(r.rationale.split("\n")), r.decidedAt, escalation,
                issued);
    }
}
