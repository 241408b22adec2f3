package dev.amends.recovery.escalation;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.platform.audit.AuditTrail;
import dev.amends.platform.outbox.Outbox;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.recovery.decision.Recovery;
import dev.amends.recovery.decision.RecoveryMetrics;
import dev.amends.recovery.ledger.Ledger;
import dev.amends.recovery.policy.MakeGoods;
import dev.amends.recovery.policy.Policies;
import dev.amends.recovery.policy.RecoveryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Where people answer escalations. An approval writes the make-good to the ledger and announces it;
 * a decline keeps the reason and announces it too, so the customer hears why instead of nothing.
 */
@ApplicationScoped
public class EscalationDesk {

    private final Policies policies;
    private final Ledger ledger;
    private final Outbox outbox;
    private final RecoveryMetrics metrics;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    EscalationDesk(Policies policies, Ledger ledger, Outbox outbox, RecoveryMetrics metrics, AuditTrail audit) {
        this.policies = policies;
        this.ledger = ledger;
        this.outbox = outbox;
        this.metrics = metrics;
        this.audit = audit;
    }

    /** An escalation as the audit trail keeps it: the decision, never the customer. */
    record AuditedState(EscalationStatus status, AuthorityLevel level, String owner, List<MakeGood> makeGoods,
            String resolvedBy, String resolution) {

        static AuditedState before(Escalation e) {
            return new AuditedState(e.status, e.level, e.owner, e.proposed, null, null);
        }
    }

    @Transactional
    public Escalation approve(String tenant, UUID id, EscalationRequests.Approve request, Approver approver) {
        Escalation escalation = locked(tenant, id);
        requireLevel(escalation, approver);
        List<MakeGood> parts = request.makeGoods() == null ? escalation.proposed
                : request.makeGoods().stream().map(EscalationRequests.Part::toMakeGood).toList();
        if (parts.isEmpty()) {
            throw new ProblemException(422, ProblemType.VALIDATION_FAILED, "Nothing to grant",
                    "The policy proposed no make-good for this complaint: send the make-goods you grant, or decline "
                            + "with a reason; nothing was changed.");
        }
        Recovery recovery = Recovery.<Recovery>findByIdOptional(escalation.recoveryId).orElseThrow();
        RecoveryPolicy policy = policies.active(tenant);
        checkAuthority(escalation, parts, policy, approver);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditedState before = AuditedState.before(escalation);
        String note = approver.note(request.approvedBy(), request.note());
        escalation.approve(approver.name(), note, now);
        audit.record("escalation.approved", "escalation", escalation.id, before, new AuditedState(escalation.status,
                escalation.level, escalation.owner, parts, escalation.resolvedBy, escalation.resolution));
        ledger.issue(new Ledger.Issue(escalation.tenant, escalation.complaintId, escalation.recoveryId, escalation.id,
                        escalation.customer, escalation.summary, parts, approver.authority(), approver.name(),
                        note, recovery.policyVersion, escalation.round, now))
                .ifPresent(issued -> {
                    outbox.record(issued, now);
                    metrics.issued(issued);
                });
        metrics.escalationResolved("APPROVED", escalation.level, Duration.between(escalation.openedAt, now));
        return escalation;
    }

    @Transactional
    public Escalation decline(String tenant, UUID id, EscalationRequests.Decline request, Approver approver) {
        Escalation escalation = locked(tenant, id);
        requireLevel(escalation, approver);
        Recovery recovery = Recovery.<Recovery>findByIdOptional(escalation.recoveryId).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditedState before = AuditedState.before(escalation);
        outbox.record(escalation.decline(recovery, approver.name(),
                approver.note(request.declinedBy(), request.reason()), now), now);
        audit.record("escalation.declined", "escalation", escalation.id, before, new AuditedState(escalation.status,
                escalation.level, escalation.owner, List.of(), escalation.resolvedBy, escalation.resolution));
        metrics.escalationResolved("DECLINED", escalation.level, Duration.between(escalation.openedAt, now));
        return escalation;
    }

    /**
     * An escalation at manager level is a manager's to answer, either way: a supervisor may not grant
     * less than was proposed there, nor decline it.
     */
    private static void requireLevel(Escalation escalation, Approver approver) {
        if (!approver.reaches(escalation.level)) {
            throw new ProblemException(403, ProblemType.ABOVE_AUTHORITY, ProblemType.ABOVE_AUTHORITY.title(),
                    "This escalation is at " + name(escalation.level) + " level, so it needs a "
                            + name(escalation.level) + "'s authority to approve or decline; you sign in with a "
                            + name(approver.authority()) + "'s. Nothing was changed.");
        }
    }

    /**
     * An approver may grant what the policy proposed, or adjust it within their own level's limit in
     * the tenant's policy. In a currency the policy does not price, a supervisor may grant up to the
     * proposal and a manager decides the amount.
     */
    private static void checkAuthority(Escalation escalation, List<MakeGood> parts, RecoveryPolicy policy,
            Approver approver) {
        MakeGood proposed = MakeGoods.whole(escalation.proposed);
        String currency = proposed != null ? proposed.value().currency() : parts.get(0).value().currency();
        if (parts.stream().anyMatch(p -> !p.value().currency().equals(currency))) {
            throw new ProblemException(422, ProblemType.VALIDATION_FAILED, "One currency per make-good",
                    "Every part must be in " + currency + ", the complaint's currency; nothing was changed.");
        }
        Money total = MakeGoods.whole(parts).value();
        Money limit = policy.limit(approver.authority(), currency).orElse(null);
        Money proposedTotal = proposed == null ? null : proposed.value();
        boolean withinLimit = limit != null && !total.exceeds(limit);
        boolean withinProposal = proposedTotal != null && !total.exceeds(proposedTotal);
        if (withinLimit || withinProposal || (limit == null && approver.authority() == AuthorityLevel.MANAGER)) {
            return;
        }
        String needs = approver.authority() == AuthorityLevel.MANAGER
                ? "No level of this policy may grant more. Grant up to that; nothing was changed."
                : "It needs a manager's authority: grant up to that, or leave it for a manager; nothing was changed.";
        throw new ProblemException(403, ProblemType.ABOVE_AUTHORITY, ProblemType.ABOVE_AUTHORITY.title(),
                total + " is above a " + name(approver.authority()) + "'s authority here ("
                        + (limit == null ? "the proposal of " + proposedTotal : limit) + "). " + needs);
    }

    private static String name(AuthorityLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private static Escalation locked(String tenant, UUID id) {
        return Escalation.<Escalation>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(e -> e.tenant.equals(tenant))
                .orElseThrow(() -> ProblemException.notFound("Escalation", id));
    }
}
