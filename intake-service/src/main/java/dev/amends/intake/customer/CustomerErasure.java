package dev.amends.intake.customer;

import dev.amends.contract.customer.CustomerErased;
import dev.amends.platform.audit.AuditTrail;
import dev.amends.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erases a customer here and asks every other service to do the same, in one transaction: the
 * complaints keep their status, category, amounts and timeline (what happened), but the customer's
 * name, contact details, story and references are gone and their id becomes a random pseudonym
 * that cannot be traced back.
 */
@ApplicationScoped
public class CustomerErasure {

    /** What the erasure changed here; the other services follow from the event. */
    public record Erasure(UUID erasureId, String pseudonym, int complaints) {
    }

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    CustomerErasure(EntityManager entityManager, Outbox outbox, AuditTrail audit) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Erasure erase(String tenant, String customerId, String requestedBy) {
        Instant now = clock.instant();
        UUID erasureId = UUID.randomUUID();
        String pseudonym = "erased-" + UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<UUID> complaints = entityManager.createNativeQuery(
                "select id from complaint where tenant = ?1 and customer_id = ?2 for update")
                .setParameter(1, tenant).setParameter(2, customerId).getResultList();
        if (!complaints.isEmpty()) {
            UUID[] ids = complaints.toArray(UUID[]::new);
            update("""
                    update complaint set customer_id = ?2, customer_name = ?3, customer_email = null,
                        customer_phone = null, summary = ?3, story = ?3, desired_outcome = null,
                        order_reference = null, crm_reference = null, triage_rationale = '', specifics = null,
                        updated_at = ?4
                    where id = any(?1)
                    """, (Object) ids, pseudonym, CustomerErased.TEXT, now);
            update("update complaint_question set question = ?2, answer = case when answer is null then null else ?2 end"
                    + " where complaint_id = any(?1)", (Object) ids, CustomerErased.TEXT);
            update("update timeline_entry set detail = ?2 where complaint_id = any(?1) and detail is not null",
                    (Object) ids, CustomerErased.TEXT);
            update("delete from idempotency_key where complaint_id = any(?1)", (Object) ids);
            update("delete from webhook_delivery where complaint_id = any(?1)", (Object) ids);
        }
        outbox.record(new CustomerErased(tenant, customerId, pseudonym, erasureId, requestedBy, now), now);
        // The trail names the pseudonym, never the id it replaced.
        audit.record("customer.erased", "customer", pseudonym, null, new Erasure(erasureId, pseudonym,
                complaints.size()));
        return new Erasure(erasureId, pseudonym, complaints.size());
    }

    private void update(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
