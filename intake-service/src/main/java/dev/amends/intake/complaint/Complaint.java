package dev.amends.intake.complaint;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.complaint.Triage;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.FeedbackReceived;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryEscalated;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.intake.triage.SpecificsRules;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One customer's report that something went wrong, as told by them, with its timeline. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    /** The messages that tell the customer what a person decided about their escalation. */
    private static final Set<MessageKind> DECISION_MESSAGES = EnumSet.of(MessageKind.MAKE_GOOD_CONFIRMATION,
            MessageKind.ESCALATION_DECLINED);

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false)
    public ContactChannel preferredChannel;

    @Column(nullable = false)
    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    public String tier;

    @Enumerated(EnumType.STRING)
    @Column(name = "received_via", nullable = false)
    public ContactChannel receivedVia;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintCategory category;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String story;

    @Column(name = "desired_outcome")
    public String desiredOutcome;

    @Column(name = "order_reference")
    public String orderReference;

    @Column(name = "amount_at_stake")
    public BigDecimal amountAtStake;

    public String currency;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "crm_reference")
    public String crmReference;

    /** Whose fault, as the agent established it; UNKNOWN until someone does. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Fault fault;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    /** The recovery round: 1, then one more for each reopening. */
    @Column(nullable = false)
    public int round;

    /** The complaint's latest escalation, decided or not: the complaint links to it. */
    @Column(name = "escalation_id")
    public UUID escalationId;

    /**
     * An escalation of the current round waits for a person's decision. While it does, the status is
     * ESCALATED, whatever the customer has been told meanwhile (that is a step on the timeline).
     */
    @Column(name = "awaiting_decision", nullable = false)
    public boolean awaitingDecision;

    /** When the customer first heard from us about this complaint. */
    @Column(name = "first_notified_at")
    public Instant firstNotifiedAt;

    /** The order reference's digits, kept by the database, for searching by them. */
    @Column(name = "order_digits", insertable = false, updatable = false)
    public String orderDigits;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "over_service", nullable = false)
    public boolean overService;

    /** Comma-separated root-cause tags, for operations to see which systems keep failing customers. */
    @Column(name = "root_causes", nullable = false)
    public String rootCauses;

    /** One line per triage rule that fired. */
    @Column(name = "triage_rationale", nullable = false)
    public String triageRationale;

    /**
     * What a message may refer to, read from the complaint once when it is filed; null for complaints
     * filed before it was kept, and after an erasure.
     */
    // Replaced, never changed in place: compared by reference, not copied through JSON at each flush.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Specifics specifics;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL)
    @OrderBy("occurredAt, id")
    public List<TimelineEntry> timeline = new ArrayList<>();

    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL)
    @OrderBy("askedAt, id")
    public List<Question> questions = new ArrayList<>();

    /** A complaint exactly as the CRM sent it; {@link #received} is the event that announces it. */
    static Complaint file(String tenant, FileComplaintRequest request, Triage triage, Instant now) {
        Complaint complaint = new Complaint();
        complaint.id = UUID.randomUUID();
        complaint.tenant = tenant;
        CustomerRequest customer = request.customer();
        complaint.customerId = customer.id();
        complaint.customerName = customer.name();
        complaint.customerEmail = customer.email();
        complaint.customerPhone = customer.phone();
        complaint.preferredChannel = customer.preferredChannelOrDefault();
        complaint.locale = customer.localeOrDefault();
        complaint.timeZone = customer.timeZone();
        complaint.tier = customer.tier();
        complaint.receivedVia = request.receivedVia();
        complaint.category = request.category();
        complaint.summary = request.summary();
        complaint.story = request.story();
        complaint.desiredOutcome = request.desiredOutcome();
        complaint.orderReference = request.orderReference();
        if (request.amountAtStake() != null) {
            Money amount = request.amountAtStake().toMoney();
            complaint.amountAtStake = amount.amount();
            complaint.currency = amount.currency();
        }
        complaint.occurredAt = request.occurredAt();
        complaint.crmReference = request.crmReference();
        complaint.fault = request.fault() == null ? Fault.UNKNOWN : request.fault();
        complaint.status = ComplaintStatus.RECEIVED;
        complaint.round = 1;
        complaint.severity = triage.severity();
        complaint.overService = triage.overService();
        complaint.rootCauses = String.join(",", triage.rootCauses());
        complaint.triageRationale = String.join("\n", triage.rationale());
        complaint.specifics = SpecificsRules.of(request.category(), request.summary(), request.story(),
                request.desiredOutcome(), request.orderReference());
        complaint.receivedAt = now;
        complaint.updatedAt = now;
        complaint.timeline.add(TimelineEntry.of(complaint, TimelineEvent.RECEIVED, now,
                "crm via " + request.receivedVia().name().toLowerCase(), request.summary()));
        return complaint;
    }

    ComplaintReceived received(ContactSeal seal) {
        return new ComplaintReceived(tenant, id, customer(seal), receivedVia, category, summary, orderReference, amountAtStakeMoney(),
                occurredAt, crmReference, triage(), receivedAt, fault, specifics);
    }

    Triage triage() {
        return new Triage(severity, overService, List.of(rootCauses.split(",")), List.of(triageRationale.split("\n")));
    }

    /** The customer as events carry them: contact details sealed for notification-service alone. */
    private Customer customer(ContactSeal seal) {
        return new Customer(customerId, customerName,
                seal.seal(tenant, customerId, new ContactSeal.Contact(customerEmail, customerPhone)),
                ContactSeal.emailDigest(customerEmail), preferredChannel, locale, timeZone, tier);
    }

    Money amountAtStakeMoney() {
        return amountAtStake == null ? null : new Money(amountAtStake, currency);
    }

    /**
     * The customer or CRM says it is not resolved: the next recovery round starts, and the event
     * carries the complaint so the recovery can be decided again.
     */
    ComplaintReopened reopen(ReopenRequest request, Instant now, ContactSeal seal) {
        if (status.awaitsRecovery()) {
            throw new ProblemException(409, ProblemType.CONFLICT, "Recovery still in progress",
                    "This complaint's recovery has not been decided yet; it goes on without a reopening.");
        }
        round++;
        status = ComplaintStatus.REOPENED;
        updatedAt = now;
        addEntry(TimelineEvent.REOPENED, now, request.requestedBy(), request.reason());
        return new ComplaintReopened(tenant, id, customer(seal), category, summary, orderReference,
                amountAtStakeMoney(), triage(), round, request.reason(), request.requestedBy(), now, fault, specifics);
    }

    public void recoveryDecided(RecoveryDecided decision, String actor) {
        addEntry(TimelineEvent.RECOVERY_DECIDED, decision.decidedAt(), actor,
                decision.outcome() + ", apology: " + decision.apology());
        advance(decision.outcome() == RecoveryOutcome.ESCALATED ? ComplaintStatus.ESCALATED
                : ComplaintStatus.RECOVERY_DECIDED, decision.round(), decision.decidedAt());
    }

    public void makeGoodIssued(MakeGoodIssued issued, String actor) {
        addEntry(TimelineEvent.MAKE_GOOD_ISSUED, issued.issuedAt(), issued.approvedBy(),
                issued.makeGood().kind() + " " + issued.makeGood().value() + ": " + issued.makeGood().description()
                        + " (" + issued.authority() + ", via " + actor + ")");
        if (issued.escalationId() != null) {
            decided(issued.round(), issued.issuedAt());
        }
    }

    /**
     * The recovery waits for a person. The escalation notice may have reached the customer (and its
     * event this service) first: the status goes back to ESCALATED all the same, for the current round.
     */
    public void recoveryEscalated(RecoveryEscalated escalated, String actor) {
        addEntry(TimelineEvent.ESCALATED, escalated.escalatedAt(), actor,
                "to " + escalated.escalation().owner() + " (" + escalated.escalation().level() + "), due "
                        + escalated.escalation().dueAt());
        if (escalated.round() < round) {
            return;
        }
        escalationId = escalated.escalation().id();
        awaitingDecision = true;
        if (status != ComplaintStatus.RESOLVED) {
            status = ComplaintStatus.ESCALATED;
        }
        advance(ComplaintStatus.ESCALATED, escalated.round(), escalated.escalatedAt());
    }

    /** A person approved or declined the escalation of this round: the recovery is decided. */
    private void decided(int eventRound, Instant at) {
        if (eventRound < round || !awaitingDecision) {
            return;
        }
        awaitingDecision = false;
        if (status == ComplaintStatus.ESCALATED) {
            status = ComplaintStatus.RECOVERY_DECIDED;
        }
        advance(ComplaintStatus.RECOVERY_DECIDED, eventRound, at);
    }

    public void escalationExpired(EscalationExpired expired, String actor) {
        addEntry(TimelineEvent.ESCALATION_EXPIRED, expired.expiredAt(), actor,
                expired.expiredOwner() + " (" + expired.expiredLevel() + ") did not answer by "
                        + expired.expiredDueAt() + "; now with " + expired.escalation().owner() + " ("
                        + expired.escalation().level() + "), due " + expired.escalation().dueAt());
    }

    public void escalationDeclined(EscalationDeclined declined) {
        addEntry(TimelineEvent.ESCALATION_DECLINED, declined.declinedAt(), declined.declinedBy(),
                "make-good declined at " + declined.level() + ": " + declined.reason());
        decided(declined.round(), declined.declinedAt());
    }

    /**
     * A message reached the customer. While the escalation waits, an apology or an escalation notice
     * is a step on the timeline and the status stays ESCALATED; the message that tells them the
     * decision (made good, or declined) means the decision was taken, whichever event came first.
     */
    public void customerNotified(CustomerNotified notified, String actor) {
        addEntry(TimelineEvent.CUSTOMER_NOTIFIED, notified.notifiedAt(), actor,
                notified.kind() + " by " + notified.channel());
        if (firstNotifiedAt == null) {
            firstNotifiedAt = notified.notifiedAt();
        }
        if (awaitingDecision && notified.round() >= round) {
            if (!DECISION_MESSAGES.contains(notified.kind())) {
                return;
            }
            decided(notified.round(), notified.notifiedAt());
        }
        advance(ComplaintStatus.CUSTOMER_NOTIFIED, notified.round(), notified.notifiedAt());
    }


    /**
     * The customer answered the follow-up. "Fixed" resolves the round; "not yet" reopens the
     * complaint, and the event that asks for the next recovery is returned. An answer about an
     * earlier round only goes on the timeline.
     */
    public Optional<ComplaintReopened> feedbackReceived(FeedbackReceived feedback, String actor, ContactSeal seal) {
        addEntry(TimelineEvent.FEEDBACK_RECEIVED, feedback.answeredAt(), "customer via " + actor,
                "round " + feedback.round() + ": " + (feedback.fixed() ? "fixed" : "not fixed yet") + ", answered by "
                        + feedback.channel());
        if (feedback.round() != round || status.awaitsRecovery()) {
            return Optional.empty();
        }
        if (feedback.fixed()) {
            advance(ComplaintStatus.RESOLVED, feedback.round(), feedback.answeredAt());
            return Optional.empty();
        }
        return Optional.of(reopen(new ReopenRequest("The customer answered the follow-up: not fixed yet.", "customer"),
                feedback.answeredAt(), seal));
    }

    Question ask(QuestionRequests.Ask ask, Instant now) {
        Question question = new Question();
        question.id = UUID.randomUUID();
        question.complaint = this;
        question.question = ask.question();
        question.askedBy = ask.askedBy();
        question.askedAt = now;
        questions.add(question);
        addEntry(TimelineEvent.QUESTION_ASKED, now, ask.askedBy(), ask.question());
        return question;
    }

    Question answer(UUID questionId, QuestionRequests.Answer answer, Instant now) {
        Question question = questions.stream().filter(q -> q.id.equals(questionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Question", questionId));
        if (!question.isOpen()) {
            throw new ProblemException(409, ProblemType.CONFLICT, "Question already answered",
                    "This question was answered by " + question.answeredBy + " at " + question.answeredAt
                            + "; ask a new question to follow up.");
        }
        question.answer = answer.answer();
        question.answeredBy = answer.answeredBy();
        question.answeredAt = now;
        addEntry(TimelineEvent.QUESTION_ANSWERED, now, answer.answeredBy(), question.question);
        return question;
    }

    private void addEntry(TimelineEvent event, Instant at, String actor, String detail) {
        timeline.add(TimelineEntry.of(this, event, at, actor, detail));
    }

    /** An event of an earlier round goes on the timeline but no longer moves the status. */
    private void advance(ComplaintStatus next, int eventRound, Instant at) {
        if (eventRound < round) {
            return;
        }
        status = status.advanceTo(next);
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }
}
