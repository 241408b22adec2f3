package dev.amends.recovery.ledger;

import jakarta.persistence.FlushModeType;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.recovery.policy.MakeGoods;
import dev.amends.recovery.policy.PriorMakeGoods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes make-goods to the ledger exactly once per recovery. The insert skips a line that is
 * already there (same recovery, same part), so a redelivered event, a second instance racing this
 * one or an approval clicked twice cannot issue a refund or credit twice.
 */
@ApplicationScoped
public class Ledger {

    private final EntityManager entityManager;

    Ledger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What the recovery's make-good is, as the event that announces it; empty when it was issued already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MakeGoodIssued> issue(Issue issue) {
        List<LedgerLine> lines = new ArrayList<>();
        for (int part = 0; part < issue.parts().size(); part++) {
            MakeGood makeGood = issue.parts().get(part);
            UUID id = UUID.randomUUID();
            int written = entityManager.createNativeQuery("""
                    insert into ledger_entry (id, tenant, customer_id, complaint_id, recovery_id, part, kind, amount,
                        currency, description, policy_version, authority, approved_by, escalation_id, issued_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                    on conflict (recovery_id, part) do nothing
                    """)
                    .setParameter(1, id)
                    .setParameter(2, issue.tenant())
                    .setParameter(3, issue.customer().id())
                    .setParameter(4, issue.complaintId())
                    .setParameter(5, issue.recoveryId())
                    .setParameter(6, part)
                    .setParameter(7, makeGood.kind().name())
                    .setParameter(8, makeGood.value().amount())
                    .setParameter(9, makeGood.value().currency())
                    .setParameter(10, makeGood.description())
                    .setParameter(11, issue.policyVersion())
                    .setParameter(12, issue.authority().name())
                    .setParameter(13, issue.approvedBy())
                    .setParameter(14, issue.escalationId())
                    .setParameter(15, issue.at())
                    .executeUpdate();
            if (written == 0) {
                return Optional.empty();
            }
            lines.add(new LedgerLine(id, makeGood));
        }
        return Optional.of(new MakeGoodIssued(issue.tenant(), issue.complaintId(), issue.recoveryId(),
                issue.escalationId(), issue.customer(), issue.summary(), MakeGoods.whole(issue.parts()), lines,
                issue.authority(), issue.approvedBy(), issue.note(), issue.policyVersion(), issue.at(),
                issue.round()));
    }

    /** The customer's make-goods since a moment, counted, and totalled in one currency. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PriorMakeGoods since(String tenant, String customerId, String currency, Instant since) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(distinct recovery_id), coalesce(sum(amount) filter (where currency = ?3), 0)
                from ledger_entry where tenant = ?1 and customer_id = ?2 and issued_at >= ?4
                """)
                // Entries are written by statements of their own, never pending: no flush before it.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, tenant)
                .setParameter(2, customerId)
                .setParameter(3, currency == null ? "" : currency)
                .setParameter(4, since)
                .getSingleResult();
        int count = ((Number) row[0]).intValue();
        return new PriorMakeGoods(count, currency == null ? null
                : new Money((BigDecimal) row[1], currency));
    }

    /** Everything one issuance needs; {@code approvedBy} is "policy" when nobody had to. */
    public record Issue(String tenant, UUID complaintId, UUID recoveryId, UUID escalationId, Customer customer,
            String summary, List<MakeGood> parts, AuthorityLevel authority, String approvedBy, String note,
            int policyVersion, int round, Instant at) {
    }
}
