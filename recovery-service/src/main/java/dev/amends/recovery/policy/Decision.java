package dev.amends.recovery.policy;

import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.RecoveryOutcome;
import java.time.Instant;
import java.util.List;

/**
 * What a policy decided for one complaint, before anything is recorded. {@code parts} are the
 * make-good's parts and {@code whole} their total with one description; when the outcome is
 * ESCALATED they are what the policy proposes the {@code escalation}'s owner grant.
 * {@code rationale} is one plain sentence per rule that fired.
 */
public record Decision(
        RecoveryOutcome outcome,
        Fault fault,
        List<ApologyPart> apology,
        List<MakeGood> parts,
        MakeGood whole,
        AuthorityLevel authority,
        EscalationPlan escalation,
        String rule,
        List<String> rationale,
        int policyVersion) {

    /** Who answers an escalation, by when, whether the customer is being over-served, and why a person. */
    public record EscalationPlan(AuthorityLevel level, String owner, Instant dueAt, boolean overService,
            String reason) {
    }
}
