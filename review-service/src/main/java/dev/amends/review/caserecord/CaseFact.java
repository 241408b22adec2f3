package dev.amends.review.caserecord;

import jakarta.persistence.FlushModeType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing the record shows we did, when, and where it was recorded. Counterpoints rest on these
 * and link to them, so the approver can check each one before it goes public.
 */
@Entity
@Table(name = "case_fact")
public class CaseFact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactKind kind;

    public String detail;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String source;

    /** Records a fact once: a redelivered or replayed event finds it already there (and false is returned). */
    static boolean record(UUID id, UUID complaintId, FactKind kind, String detail, Instant occurredAt, String source) {
        return getEntityManager().createNativeQuery("""
                insert into case_fact (id, complaint_id, kind, detail, occurred_at, source)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (id) do nothing
                """)
                // Needs none of the batch's pending changes: no flush, which would dirty-check every
                // entity of the batch at each event.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, id)
                .setParameter(2, complaintId)
                .setParameter(3, kind.name())
                .setParameter(4, detail)
                .setParameter(5, occurredAt)
                .setParameter(6, source)
                .executeUpdate() == 1;
    }

    public static List<CaseFact> of(UUID complaintId) {
        return list("complaintId = ?1 order by occurredAt", complaintId);
    }
}
