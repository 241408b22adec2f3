package dev.amends.recovery.decision;

import dev.amends.platform.database.Rows;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.recovery.policy.Decision;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The decision on how one complaint is made right. */
@Entity
@Table(name = "recovery")
public class Recovery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    /** 1 for the first recovery, one more for each reopening. */
    @Column(nullable = false)
    public int round;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecoveryOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Fault fault;

    @Column(nullable = false)
    public String apology;

    @Enumerated(EnumType.STRING)
    @Column(name = "make_good_kind")
    public MakeGoodKind makeGoodKind;

    @Column(name = "make_good_amount")
    public BigDecimal makeGoodAmount;

    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuthorityLevel authority;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_level")
    public AuthorityLevel escalationLevel;

    @Column(name = "escalation_owner")
    public String escalationOwner;

    @Column(name = "escalation_due_at")
    public Instant escalationDueAt;

    @Column(nullable = false)
    public String rationale;

    /** The policy version that decided; 0 for the starter policy that came before versions. */
    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    /** The name of the make-good rule that fired. */
    public String rule;

    /** The make-good's parts; the make_good_* columns hold their whole. */
    @Convert(converter = JsonColumns.MakeGoodList.class)
    @Column(name = "make_goods", nullable = false)
    public List<MakeGood> makeGoods = List.of();

    @Column(name = "over_service", nullable = false)
    public boolean overService;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The customer and summary as decided on; null on recoveries decided before they were kept. */
    @Convert(converter = JsonColumns.CustomerRecord.class)
    public Customer customer;

    public String summary;

    /** The latest round's recovery of a complaint. */
    /** The latest round for one of {@code tenant}'s complaints; another tenant's is not found. */
    public static Optional<Recovery> forComplaint(String tenant, UUID complaintId) {
        return find("tenant = ?1 and complaintId = ?2 order by round desc", tenant, complaintId).firstResultOptional();
    }

    static boolean decided(UUID complaintId, int round) {
        return Rows.exist(Recovery.class, "complaintId = ?1 and round = ?2", complaintId, round);
    }

    static List<Recovery> history(UUID complaintId) {
        return list("complaintId = ?1 order by round", complaintId);
    }

    /**
     * Records the policy's decision and returns the event that announces it. {@code escalationId}
     * is the id the escalation will have when the decision escalates.
     */
    static RecoveryDecided record(String tenant, UUID complaintId, Customer customer, String summary,
            Specifics specifics, int round, boolean overService, Decision decision, UUID escalationId, Instant now) {
        Recovery recovery = new Recovery();
        recovery.id = UUID.randomUUID();
        recovery.tenant = tenant;
        recovery.complaintId = complaintId;
        recovery.round = round;
        recovery.customerId = customer.id();
        recovery.outcome = decision.outcome();
        recovery.fault = decision.fault();
        recovery.apology = decision.apology().stream().map(Enum::name).collect(Collectors.joining(","));
        recovery.makeGoods = decision.parts();
        if (decision.whole() != null) {
            recovery.makeGoodKind = decision.whole().kind();
            recovery.makeGoodAmount = decision.whole().value().amount();
            recovery.currency = decision.whole().value().currency();
        }
        recovery.authority = decision.authority();
        Escalation escalation = null;
        if (decision.escalation() != null) {
            recovery.escalationLevel = decision.escalation().level();
            recovery.escalationOwner = decision.escalation().owner();
            recovery.escalationDueAt = decision.escalation().dueAt();
            escalation = new Escalation(decision.escalation().level(), decision.escalation().owner(),
                    decision.escalation().dueAt(), decision.whole(), escalationId, decision.parts());
        }
        recovery.rationale = String.join("\n", decision.rationale());
        recovery.policyVersion = decision.policyVersion();
        recovery.rule = decision.rule();
        recovery.overService = overService;
        recovery.decidedAt = now;
        recovery.customer = customer;
        recovery.summary = summary;
        recovery.persist();
        return new RecoveryDecided(tenant, complaintId, recovery.id, customer, summary, decision.outcome(),
                decision.fault(), decision.apology(),
                decision.outcome() == RecoveryOutcome.GRANTED ? decision.whole() : null,
                decision.authority(), escalation, decision.rationale(), now, round,
                decision.outcome() == RecoveryOutcome.GRANTED ? decision.parts() : List.of(),
                decision.policyVersion(), overService, specifics);
    }

    /** One line for the history a later round is decided with. */
    public String summarize() {
        return "round " + round + " on " + decidedAt + ": " + outcome
                + (makeGoodKind == null ? "" : ", " + makeGoodKind + " of " + makeGoodValue())
                + (escalationOwner == null ? "" : ", escalated to " + escalationOwner);
    }

    public List<ApologyPart> apologyParts() {
        return Arrays.stream(apology.split(",")).map(ApologyPart::valueOf).toList();
    }

    Money makeGoodValue() {
        return makeGoodAmount == null ? null : new Money(makeGoodAmount, currency);
    }
}
