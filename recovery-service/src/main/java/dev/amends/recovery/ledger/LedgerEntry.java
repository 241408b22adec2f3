package dev.amends.recovery.ledger;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.MakeGoodKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of the make-good ledger. Lines are only ever added, never changed. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "recovery_id", nullable = false)
    public UUID recoveryId;

    /** The part of the recovery's make-good this line records, from 0. */
    @Column(nullable = false)
    public int part;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MakeGoodKind kind;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String description;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuthorityLevel authority;

    @Column(name = "approved_by", nullable = false)
    public String approvedBy;

    @Column(name = "escalation_id")
    public UUID escalationId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** When the paying system confirmed it reached the customer; null until then. */
    @Column(name = "settled_at")
    public Instant settledAt;

    @Column(name = "settlement_reference")
    public String settlementReference;

    /** Who confirmed the settlement: the signed-in caller. */
    @Column(name = "settled_by")
    public String settledBy;

    public Money value() {
        return new Money(amount, currency);
    }

    static List<LedgerEntry> ofCustomer(String tenant, String customerId, Instant since, int limit) {
        return find("tenant = ?1 and customerId = ?2 and issuedAt >= ?3 order by issuedAt desc, part", tenant,
                customerId, since)
                .page(0, limit).list();
    }

    public static List<LedgerEntry> ofRecovery(UUID recoveryId) {
        return list("recoveryId = ?1 order by part", recoveryId);
    }
}
