package dev.amends.recovery.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.platform.validation.MoneyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dry run of the policy: a complaint in, the decision it would get out, nothing recorded. */
public final class Simulation {

    private Simulation() {
    }

    @Schema(description = "A complaint to decide, and optionally a draft policy to decide it with instead of the "
            + "active one.")
    public record Request(
            @NotNull @Valid Complaint complaint,
            @Schema(description = "A draft policy document, as JSON; invalid drafts are refused with every problem "
                    + "listed.") JsonNode draft) {
    }

    @Schema(description = "What the policy looks at.")
    public record Complaint(
            @NotNull ComplaintCategory category,
            Severity severity,
            @Schema(description = "Defaults to UNKNOWN.") Fault fault,
            @Size(max = 50) String tier,
            boolean overService,
            @Valid MoneyRequest amountAtStake,
            @Size(max = 100) String orderReference,
            @Schema(description = "To count this customer's make-goods (in the caller's tenant) against the "
                    + "history budget.")
            @Size(max = 200) String customerId,
            @Schema(description = "2 or more simulates a reopened complaint.") @Min(1) @Max(100) Integer round) {

        RecoveryCase toCase() {
            int r = round == null ? 1 : round;
            return new RecoveryCase(category, severity, fault == null ? Fault.UNKNOWN : fault, tier, overService,
                    amountAtStake == null ? null : amountAtStake.toMoney(), orderReference, r,
                    r > 1 ? "(simulated reopening)" : null, List.of());
        }
    }

    /** The decision the policy would make; {@code policyVersion} is null for a draft. */
    public record Result(Integer policyVersion, boolean draft, RecoveryOutcome outcome, Fault fault,
            List<ApologyPart> apology, MakeGood makeGood, List<MakeGood> makeGoods, AuthorityLevel authority,
            Decision.EscalationPlan escalation, String rule, List<String> rationale, int priorMakeGoods,
            Money priorTotal) {

        static Result of(Decision d, boolean draft, PriorMakeGoods prior) {
            return new Result(draft ? null : d.policyVersion(), draft, d.outcome(), d.fault(), d.apology(), d.whole(),
                    d.parts(), d.authority(), d.escalation(), d.rule(), d.rationale(), prior.count(), prior.total());
        }
    }
}
