package dev.amends.review.caserecord;

import jakarta.persistence.FlushModeType;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.review.names.NameKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What the record says about one complaint: the facts a public response may rest on. */
@Entity
@Table(name = "case_record")
public class CaseRecord extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    /** The first name as matching compares names (ReviewMatcher): a review's candidates are looked up by it. */
    @Column(name = "customer_first_name")
    public String customerFirstName;

    /** A digest of the customer's e-mail address: enough to recognise a reviewer's, not to write to them. */
    @Column(name = "customer_email_digest")
    public String customerEmailDigest;

    @Column(name = "order_reference")
    public String orderReference;

    @Enumerated(EnumType.STRING)
    public ComplaintCategory category;

    @Column(nullable = false)
    public String summary;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "recovery_outcome")
    public RecoveryOutcome recoveryOutcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "make_good_kind")
    public MakeGoodKind makeGoodKind;

    @Column(name = "make_good_amount")
    public BigDecimal makeGoodAmount;

    public String currency;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Whose fault it was, once the complaint has arrived; it decides which apology parts are honest. */
    @Enumerated(EnumType.STRING)
    public Fault fault;

    /**
     * The record for a complaint, created by whichever of its events arrives first. The two events
     * come in on two channels at once, so the row is created with "insert if absent" and then
     * locked, rather than read-then-insert, which would let both create it and one fail.
     */
    static CaseRecord forComplaint(UUID complaintId, String tenant, Customer customer, String summary) {
        getEntityManager().createNativeQuery("""
                insert into case_record (complaint_id, tenant, customer_id, customer_name, customer_first_name,
                    customer_email_digest, summary)
                values (?1, ?2, ?3, ?4, ?7, ?5, ?6)
                on conflict (complaint_id) do nothing
                """)
                .setFlushMode(FlushModeType.COMMIT) // as CaseFact.record: nothing pending is needed
                .setParameter(1, complaintId)
                .setParameter(2, tenant)
                .setParameter(3, customer.id())
                .setParameter(4, customer.name())
                .setParameter(5, customer.emailDigest())
                .setParameter(6, summary)
                .setParameter(7, NameKey.firstName(customer.name()))
                .executeUpdate();
        return findById(complaintId, LockModeType.PESSIMISTIC_WRITE);
    }

    void received(ComplaintReceived complaint) {
        orderReference = complaint.orderReference();
        category = complaint.category();
        receivedAt = complaint.receivedAt();
        fault = complaint.fault();
    }

    void recoveryDecided(RecoveryDecided decision) {
        recoveryOutcome = decision.outcome();
        decidedAt = decision.decidedAt();
        if (decision.makeGood() != null) {
            makeGoodKind = decision.makeGood().kind();
            makeGoodAmount = decision.makeGood().value().amount();
            currency = decision.makeGood().value().currency();
        }
    }

    public Money makeGood() {
        return makeGoodAmount == null ? null : new Money(makeGoodAmount, currency);
    }
}
