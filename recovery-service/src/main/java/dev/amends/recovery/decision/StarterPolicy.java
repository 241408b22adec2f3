package dev.amends.recovery.decision;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed policy that already follows the rules: make good what is at stake at once within the
 * automatic authority, and above it escalate to a named owner with a deadline; never refuse.
 */
@ApplicationScoped
public class StarterPolicy {

    private final StarterPolicyConfig config;

    StarterPolicy(StarterPolicyConfig config) {
        this.config = config;
    }

    public Decision decide(ComplaintReceived complaint, Instant now) {
        return decide(complaint.category(), complaint.amountAtStake(), complaint.orderReference(), now);
    }

    /**
     * A reopened complaint: what the automatic level gave did not fix it, so a person takes it
     * (rule 7), with the earlier rounds and the customer's reason in view.
     */
    public Decision decideAgain(ComplaintReopened reopened, List<String> earlierRounds, Instant now) {
        Decision automatic = decide(reopened.category(), reopened.amountAtStake(), reopened.orderReference(), now);
        MakeGood proposed = automatic.makeGood() != null ? automatic.makeGood()
                : automatic.escalation() != null ? automatic.escalation().proposed() : null;
        Escalation escalation = new Escalation(AuthorityLevel.SUPERVISOR, config.supervisor().owner(),
                now.plus(config.supervisor().sla()), proposed);
        List<String> rationale = new ArrayList<>();
        rationale.add("Reopened by " + reopened.reopenedBy() + " (round " + reopened.round() + "): \""
                + reopened.reason() + "\".");
        earlierRounds.forEach(round -> rationale.add("Earlier: " + round));
        rationale.add(automatic.rationale().get(0));
        rationale.add("The earlier recovery did not fix it, so a person takes it instead of the automatic level: "
                + "escalated to " + escalation.owner() + ", answer due by " + escalation.dueAt() + ".");
        return new Decision(RecoveryOutcome.ESCALATED, automatic.fault(), automatic.apology(), null,
                AuthorityLevel.SUPERVISOR, escalation, rationale);
    }

    Decision decide(ComplaintCategory category, Money atStake, String orderReference, Instant now) {
        List<String> rationale = new ArrayList<>();
        // Nothing in a fresh complaint establishes fault, so the apology claims none (rule 3).
        Fault fault = Fault.UNKNOWN;
        List<ApologyPart> apology = List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION, ApologyPart.REPENTANCE);
        rationale.add("Fault is not established yet, so the apology offers regret, restitution and what we will "
                + "look into, without admitting or assigning fault.");

        if (atStake == null || atStake.isZero()) {
            rationale.add("No money is at stake, so the make-good is the apology and the follow-up.");
            return new Decision(RecoveryOutcome.GRANTED, fault, apology, null, AuthorityLevel.AUTOMATIC, null, rationale);
        }
        MakeGood makeGood = new MakeGood(kindFor(category), atStake, describe(category, orderReference, atStake));
        BigDecimal limit = config.automaticLimit().get(atStake.currency());
        if (limit != null && !atStake.exceeds(new Money(limit, atStake.currency()))) {
            rationale.add(atStake + " at stake is within the automatic authority of " + limit.toPlainString() + " "
                    + atStake.currency() + ": " + makeGood.kind() + " of " + atStake + " granted at once.");
            return new Decision(RecoveryOutcome.GRANTED, fault, apology, makeGood, AuthorityLevel.AUTOMATIC, null,
                    rationale);
        }
        Escalation escalation = new Escalation(AuthorityLevel.SUPERVISOR, config.supervisor().owner(),
                now.plus(config.supervisor().sla()), makeGood);
        rationale.add(limit == null
                ? "The automatic authority has no limit in " + atStake.currency() + ", so a person decides: "
                : atStake + " at stake is above the automatic authority of " + limit.toPlainString() + " "
                        + atStake.currency() + ", so a person decides: ");
        rationale.set(rationale.size() - 1, rationale.get(rationale.size() - 1) + "escalated to "
                + escalation.owner() + " with " + makeGood.kind() + " of " + atStake + " proposed, answer due by "
                + escalation.dueAt() + ".");
        return new Decision(RecoveryOutcome.ESCALATED, fault, apology, null, AuthorityLevel.SUPERVISOR, escalation,
                rationale);
    }

    private static MakeGoodKind kindFor(ComplaintCategory category) {
        return category == ComplaintCategory.BILLING ? MakeGoodKind.REFUND : MakeGoodKind.ACCOUNT_CREDIT;
    }

    private static String describe(ComplaintCategory category, String orderReference, Money amount) {
        return (category == ComplaintCategory.BILLING ? "Refund of " : "Account credit of ") + amount
                + (orderReference == null ? "" : " for order " + orderReference);
    }

    /** What the policy decided, before it is recorded. */
    public record Decision(RecoveryOutcome outcome, Fault fault, List<ApologyPart> apology, MakeGood makeGood,
            AuthorityLevel authority, Escalation escalation, List<String> rationale) {
    }
}
