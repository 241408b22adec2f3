package dev.amends.recovery.escalation;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.recovery.policy.MakeGoods;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An escalation as its owner sees it in their queue. */
public record EscalationView(UUID id, UUID complaintId, UUID recoveryId, int round, String customerId,
        String customerName, String summary, AuthorityLevel level, String owner, Instant dueAt, boolean overService,
        Money proposedTotal, List<MakeGood> proposed, EscalationStatus status, int expiries, Instant openedAt,
        Instant resolvedAt, String resolvedBy, String resolution) {

    public static EscalationView of(Escalation e) {
        MakeGood whole = MakeGoods.whole(e.proposed);
        return new EscalationView(e.id, e.complaintId, e.recoveryId, e.round, e.customerId, e.customer.name(),
                e.summary, e.level, e.owner, e.dueAt, e.overService, whole == null ? null : whole.value(), e.proposed,
                e.status, e.expiries, e.openedAt, e.resolvedAt, e.resolvedBy, e.resolution);
    }
}
