package dev.amends.recovery.escalation;

import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.RecoveryEscalated;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.recovery.decision.JsonColumns;
import dev.amends.recovery.decision.Recovery;
import dev.amends.recovery.policy.Decision.EscalationPlan;
import dev.amends.recovery.policy.MakeGoods;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recovery waiting for a person. It always has an owner and a deadline; when the deadline passes
 * it moves up a level instead of waiting on (rule 7), and it ends approved or declined with a reason.
 */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "recovery_id", nullable = false)
    public UUID recoveryId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public int round;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Convert(converter = JsonColumns.CustomerRecord.class)
    @Column(nullable = false)
    public Customer customer;

    @Column(nullable = false)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuthorityLevel level;

    @Column(nullable = false)
    public String owner;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "over_service", nullable = false)
    public boolean overService;

    /** The make-good the policy proposes, part by part. */
    @Convert(converter = JsonColumns.MakeGoodList.class)
    @Column(nullable = false)
    public List<MakeGood> proposed = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    /** How many deadlines were missed. */
    @Column(nullable = false)
    public int expiries;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** The approver's note, or the reason for declining. */
    public String resolution;

    /** Opens the escalation a decision calls for and returns the event that announces it. */
    public static RecoveryEscalated open(UUID id, Recovery recovery, Customer customer, String summary,
            EscalationPlan plan, List<MakeGood> proposed, Instant now) {
        Escalation escalation = new Escalation();
        escalation.id = id;
        escalation.tenant = recovery.tenant;
        escalation.recoveryId = recovery.id;
        escalation.complaintId = recovery.complaintId;
        escalation.round = recovery.round;
        escalation.customerId = customer.id();
        escalation.customer = customer;
        escalation.summary = summary;
        escalation.level = plan.level();
        escalation.owner = plan.owner();
        escalation.dueAt = plan.dueAt();
        escalation.overService = plan.overService();
        escalation.proposed = proposed;
        escalation.status = EscalationStatus.OPEN;
        escalation.openedAt = now;
        escalation.persist();
        return new RecoveryEscalated(escalation.tenant, escalation.complaintId, recovery.id, customer, summary,
                escalation.asContract(), plan.overService(), plan.reason(), now, escalation.round);
    }

    /** The deadline passed: the escalation goes to the next level's owner with a new deadline. */
    EscalationExpired expire(EscalationPlan next, Instant now) {
        AuthorityLevel missedLevel = level;
        String missedOwner = owner;
        Instant missedDue = dueAt;
        level = next.level();
        owner = next.owner();
        dueAt = next.dueAt();
        expiries++;
        return new EscalationExpired(tenant, complaintId, recoveryId, customer, summary, missedLevel, missedOwner,
                missedDue, asContract(), expiries, now, round);
    }

    void approve(String approvedBy, String note, Instant now) {
        requireOpen();
        status = EscalationStatus.APPROVED;
        resolvedBy = approvedBy;
        resolution = note;
        resolvedAt = now;
    }

    EscalationDeclined decline(Recovery recovery, String declinedBy, String reason, Instant now) {
        requireOpen();
        status = EscalationStatus.DECLINED;
        resolvedBy = declinedBy;
        resolution = reason;
        resolvedAt = now;
        return new EscalationDeclined(tenant, complaintId, recoveryId, id, customer, summary, level, declinedBy,
                reason, recovery.fault, recovery.apologyParts(), now, round);
    }

    dev.amends.contract.recovery.Escalation asContract() {
        return new dev.amends.contract.recovery.Escalation(level, owner, dueAt, MakeGoods.whole(proposed), id,
                proposed);
    }

    private void requireOpen() {
        if (status != EscalationStatus.OPEN) {
            throw new ProblemException(409, ProblemType.CONFLICT, "Escalation already " + status.name().toLowerCase(),
                    "This escalation was " + status.name().toLowerCase() + " by " + resolvedBy + " at " + resolvedAt
                            + "; nothing was changed.");
        }
    }
}
