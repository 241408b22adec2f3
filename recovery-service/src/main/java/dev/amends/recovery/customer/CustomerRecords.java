package dev.amends.recovery.customer;

import dev.amends.contract.customer.CustomerErased;
import dev.amends.platform.customer.CustomerData;
import dev.amends.recovery.decision.Recovery;
import dev.amends.recovery.decision.RecoveryView;
import dev.amends.recovery.escalation.Escalation;
import dev.amends.recovery.escalation.EscalationView;
import dev.amends.recovery.ledger.LedgerEntry;
import dev.amends.recovery.ledger.LedgerEntryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * What recovery holds about one customer: all of it for an export, and gone (pseudonymized) on
 * erasure. The ledger keeps every amount, kind, authority and date for the accounts, under the
 * pseudonym, so totals per former customer still add up; what identified them does not remain.
 */
@ApplicationScoped
public class CustomerRecords implements CustomerData {

    /** Runs inside the transaction that consumes the customer.erased event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(CustomerErased erasure) {
        for (Recovery recovery : Recovery.<Recovery>list("tenant = ?1 and customerId = ?2", erasure.tenant(),
                erasure.customerId())) {
            recovery.customerId = erasure.pseudonym();
            recovery.customer = recovery.customer == null ? null : erasure.erased(recovery.customer);
            recovery.summary = recovery.summary == null ? null : CustomerErased.TEXT;
        }
        for (Escalation escalation : Escalation.<Escalation>list("tenant = ?1 and customerId = ?2", erasure.tenant(),
                erasure.customerId())) {
            escalation.customerId = erasure.pseudonym();
            escalation.customer = erasure.erased(escalation.customer);
            escalation.summary = CustomerErased.TEXT;
            escalation.resolution = escalation.resolution == null ? null : CustomerErased.TEXT;
        }
        LedgerEntry.update("customerId = ?1, description = ?2 where tenant = ?3 and customerId = ?4",
                erasure.pseudonym(), CustomerErased.TEXT, erasure.tenant(), erasure.customerId());
    }

    /** The customer's recoveries (each round), escalations and ledger lines. */
    @Override
    @Transactional
    public Map<String, List<?>> export(String tenant, String customerId, String authorization) {
        return Map.of(
                "recoveries", Recovery.list("tenant = ?1 and customerId = ?2 order by decidedAt", tenant, customerId)
                        .stream().map(r -> RecoveryView.of((Recovery) r, null, List.of())).toList(),
                "escalations", Escalation.list("tenant = ?1 and customerId = ?2 order by openedAt", tenant,
                        customerId).stream().map(e -> EscalationView.of((Escalation) e)).toList(),
                "ledger", LedgerEntry.list("tenant = ?1 and customerId = ?2 order by issuedAt", tenant, customerId)
                        .stream().map(l -> LedgerEntryView.of((LedgerEntry) l)).toList());
    }
}
