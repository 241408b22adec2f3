package dev.amends.intake.rootcause;

import dev.amends.contract.recovery.MakeGoodIssued;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What one recovery round gave the customer, kept with the complaint it made good. */
@Entity
@Table(name = "made_good")
public class MadeGood extends PanacheEntityBase {

    @Id
    @Column(name = "recovery_id")
    public UUID recoveryId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** Once per recovery: the event is applied once, and a replay finds the row already there. */
    public static void record(MakeGoodIssued issued) {
        if (findById(issued.recoveryId()) != null) {
            return;
        }
        MadeGood given = new MadeGood();
        given.recoveryId = issued.recoveryId();
        given.complaintId = issued.complaintId();
        given.amount = issued.makeGood().value().amount();
        given.currency = issued.makeGood().value().currency();
        given.issuedAt = issued.issuedAt();
        given.persist();
    }
}
