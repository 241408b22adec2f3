package dev.amends.intake.rootcause;

import jakarta.persistence.FlushModeType;
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

    /**
     * Once per recovery, in one statement on the consumer's hot path: the inbox already applies each
     * event once, and the key keeps a second event about the same recovery from counting twice.
     */
    public static void record(MakeGoodIssued issued) {
        getEntityManager().createNativeQuery("""
                insert into made_good (recovery_id, complaint_id, amount, currency, issued_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (recovery_id) do nothing
                """)
                // Needs none of the batch's pending changes (its complaint was filed before): no flush,
                // which would dirty-check every entity of the batch at each event.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, issued.recoveryId())
                .setParameter(2, issued.complaintId())
                .setParameter(3, issued.makeGood().value().amount())
                .setParameter(4, issued.makeGood().value().currency())
                .setParameter(5, issued.issuedAt())
                .executeUpdate();
    }
}
