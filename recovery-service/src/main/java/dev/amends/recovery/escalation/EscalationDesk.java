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
    public Escalation approve(String tenant, UUID id, EscalationRequests.Approve request) {
        Escalation escalation = locked(tenant, id);
        List<MakeGood> parts = request.makeGoods() == null ? escalation.proposed
                : request.makeGoods().stream().map(EscalationRequests.Part::toMakeGood).toList();
        if (parts.isEmpty()) {
            throw new ProblemException(422, ProblemType.VALIDATION_FAILED, "Nothing to grant",
                    "The policy proposed no make-good for this complaint: send the make-goods you grant, or decline "
                            + "with a reason; nothing was changed.");
        }
        Recovery recovery = Recovery.<Recovery>findByIdOptional(escalation.recoveryId).orElseThrow();
        RecoveryPolicy policy = policies.active();
        checkAuthority(escalation, parts, policy);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditedState before = AuditedState.before(escalation);
        escalation.approve(request.approvedBy(), request.note(), now);
        audit.record("escalation.approved", "escalation", escalation.id, before, new AuditedState(escalation.status,
                escalation.level, escalation.owner, parts, escalation.resolvedBy, escalation.resolution));
        ledger.issue(new Ledger.Issue(escalation.tenant, escalation.complaintId, escalation.recoveryId, escalation.id,
                        escalation.customer, escalation.summary, parts, escalation.level, request.approvedBy(),
                        request.note(), recovery.policyVersion, escalation.round, now))
                .ifPresent(issued -> {
                    outbox.record(issued, now);
                    metrics.issued(issued);
                });
        metrics.escalationResolved("APPROVED", escalation.level, Duration.between(escalation.openedAt, now));
        return escalation;
    }

    @Transactional
    public Escalation decline(String tenant, UUID id, EscalationRequests.Decline request) {
        Escalation escalation = locked(tenant, id);
        Recovery recovery = Recovery.<Recovery>findByIdOptional(escalation.recoveryId).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditedState before = AuditedState.before(escalation);
        outbox.record(escalation.decline(recovery, request.declinedBy(), request.reason(), now), now);
        audit.record("escalation.declined", "escalation", escalation.id, before, new AuditedState(escalation.status,
                escalation.level, escalation.owner, List.of(), escalation.resolvedBy, escalation.resolution));
        metrics.escalationResolved("DECLINED", escalation.level, Duration.between(escalation.openedAt, now));
        return escalation;
    }

    /**
     * An approver may grant what the policy proposed, or adjust it within their own level's limit.
     * In a currency the policy does not price, the proposal is the limit below manager level.
     */
    private static void checkAuthority(Escalation escalation, List<MakeGood> parts, RecoveryPolicy policy) {
        MakeGood proposed = MakeGoods.whole(escalation.proposed);
        String currency = proposed != null ? proposed.value().currency() : parts.get(0).value().currency();
        if (parts.stream().anyMatch(p -> !p.value().currency().equals(currency))) {
            throw new ProblemException(422, ProblemType.VALIDATION_FAILED, "One currency per make-good",
                    "Every part must be in " + currency + ", the complaint's currency; nothing was changed.");
        }
        Money total = MakeGoods.whole(parts).value();
        Money limit = policy.limit(escalation.level, currency).orElse(null);
        Money proposedTotal = proposed == null ? null : proposed.value();
        boolean withinLimit = limit != null && !total.exceeds(limit);
        boolean withinProposal = proposedTotal != null && !total.exceeds(proposedTotal);
        if (!withinLimit && !withinProposal
                && !(limit == null && escalation.level == AuthorityLevel.MANAGER)) {
            throw new ProblemException(422, ProblemType.ABOVE_AUTHORITY, ProblemType.ABOVE_AUTHORITY.title(),
                    total + " is above what a " + escalation.level.name().toLowerCase() + " may grant here ("
                            + (limit == null ? "the proposal of " + proposedTotal : limit) + "). Grant up to that, "
                            + "or leave it for the next level; nothing was changed.");
        }
    }

    private static Escalation locked(String tenant, UUID id) {
        return Escalation.<Escalation>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(e -> e.tenant.equals(tenant))
                .orElseThrow(() -> ProblemException.notFound("Escalation", id));
    }
}
