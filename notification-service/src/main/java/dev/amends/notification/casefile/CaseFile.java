package dev.amends.notification.casefile;

import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.recovery.Fault;
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

/**
 * The complaint as this service knows it from the recovery events: who the customer is, what went
 * wrong in their words, the round, the fault and what they were given. Later messages (follow-up,
 * thank-you, broken promise) are written from it.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(nullable = false)
    public String tenant;

    // Replaced, never changed in place: compared by reference, not copied through JSON at each flush.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public Customer customer;

    @Column(nullable = false)
    public String summary;

    /** What the messages may refer to besides the summary (order, what went wrong, what they asked for). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Specifics specifics;

    @Column(nullable = false)
    public int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Fault fault;

    @Column(name = "over_service", nullable = false)
    public boolean overService;

    /** What the customer was given in the current round, part by part; null until something is. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "make_goods")
    public List<MakeGood> makeGoods;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Opens or updates the file; an event of an older round never overwrites a newer one. */
    public static CaseFile note(String tenant, UUID complaintId, Customer customer, String summary,
            Specifics specifics, int round, Fault fault, boolean overService) {
        CaseFile file = findById(complaintId);
        boolean opened = file == null;
        if (opened) {
            file = new CaseFile();
            file.complaintId = complaintId;
            file.tenant = tenant;
            file.round = round;
        }
        if (round >= file.round) {
            if (round > file.round) {
                file.makeGoods = null;
            }
            file.customer = customer;
            file.summary = summary;
            file.specifics = specifics;
            file.round = round;
            file.fault = fault;
            file.overService = file.overService || overService;
        }
        file.updatedAt = Instant.now();
        if (opened) {
            file.persist();
        }
        return file;
    }
}
