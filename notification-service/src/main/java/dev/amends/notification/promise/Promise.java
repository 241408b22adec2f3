package dev.amends.notification.promise;

import dev.amends.contract.recovery.MakeGood;
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
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something a message promised the customer by a date (DOMAIN.md rule 10). */
@Entity
@Table(name = "promise")
public class Promise extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PromiseKind kind;

    /** Which one of its kind: the make-good kind of a SETTLEMENT, the deadline's number of an ANSWER. */
    @Column(nullable = false)
    public String subject;

    /** For a SETTLEMENT: the part of the make-good that is to arrive. */
    // Replaced, never changed in place: compared by reference, not copied through JSON at each flush.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "make_good")
    public MakeGood makeGood;

    /** The message that made the promise. */
    @Column(name = "made_in", nullable = false)
    public UUID madeIn;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PromiseStatus status;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    static List<Promise> unresolved(UUID complaintId, int round, PromiseKind kind) {
        return list("complaintId = ?1 and round = ?2 and kind = ?3 and status in ?4 order by dueAt", complaintId, round,
                kind, List.of(PromiseStatus.OPEN, PromiseStatus.BROKEN));
    }

    public static List<Promise> forComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by dueAt", complaintId);
    }
}
