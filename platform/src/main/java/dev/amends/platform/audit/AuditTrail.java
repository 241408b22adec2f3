package dev.amends.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes who did what, when, and the state before and after, in the transaction that makes the
 * change: the entry and the change commit together or not at all. The state is what a reviewer
 * of the decision needs (statuses, amounts, versions, who); a customer's contact details or story
 * never belong in it, because the trail outlives an erasure.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Caller caller;

    AuditTrail(EntityManager entityManager, ObjectMapper json, Caller caller) {
        this.entityManager = entityManager;
        this.json = json;
        this.caller = caller;
    }

    /** Records {@code action} on a subject by the signed-in caller, in the caller's tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, Object subjectId, Object before, Object after) {
        entityManager.createNativeQuery("""
                insert into amends_audit_entry (recorded_at, tenant, actor, action, subject_type, subject_id, before, after)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), cast(?8 as jsonb))
                """)
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, caller.tenant())
                .setParameter(3, caller.name())
                .setParameter(4, action)
                .setParameter(5, subjectType)
                .setParameter(6, String.valueOf(subjectId))
                .setParameter(7, write(before))
                .setParameter(8, write(after))
                .executeUpdate();
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state cannot be written as JSON: " + state.getClass(), e);
        }
    }
}
