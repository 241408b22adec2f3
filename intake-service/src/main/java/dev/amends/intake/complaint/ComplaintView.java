package dev.amends.intake.complaint;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.complaint.Triage;
import dev.amends.contract.recovery.Fault;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint with its current status and its LEARN timeline. */
public record ComplaintView(
        UUID id,
        String tenant,
        ComplaintStatus status,
        int round,
        @Schema(description = "The complaint's latest escalation, at recovery-service's /api/v1/escalations/{id}, and "
                + "whether it still waits for a person's decision; null when none was needed.")
        EscalationLink escalation,
        Triage triage,
        @Schema(description = "What leaves intake for the messages to refer to: the category, the order reference, "
                + "what went wrong and what the customer asked for, each from a closed list, and whether the summary "
                + "says anything of its own. The story and the desired outcome themselves stay here.")
        Specifics specifics,
        CustomerView customer,
        ContactChannel receivedVia,
        ComplaintCategory category,
        String summary,
        String story,
        String desiredOutcome,
        String orderReference,
        Money amountAtStake,
        Instant occurredAt,
        String crmReference,
        Fault fault,
        Instant receivedAt,
        Instant updatedAt,
        int openQuestions,
        List<QuestionView> questions,
        List<Step> timeline) {

    public record EscalationLink(UUID id, boolean awaitingDecision) {
    }

    public record CustomerView(String id, String name, String email, String phone, ContactChannel preferredChannel,
            String locale, String timeZone, String tier) {
    }

    /** One thing that happened: its LEARN stage, when, and who did it. */
    public record Step(LearnStage stage, TimelineEvent event, Instant at, String actor, String detail) {
    }

    /** A question about the complaint; {@code answer} is null while it is open. */
    public record QuestionView(UUID id, String question, String askedBy, Instant askedAt, String answer,
            String answeredBy, Instant answeredAt) {

        static QuestionView of(Question q) {
            return new QuestionView(q.id, q.question, q.askedBy, q.askedAt, q.answer, q.answeredBy, q.answeredAt);
        }
    }

    static ComplaintView of(Complaint c) {
        return new ComplaintView(c.id, c.tenant, c.status, c.round,
                c.escalationId == null ? null : new EscalationLink(c.escalationId, c.awaitingDecision), c.triage(),
                c.specifics,
                new CustomerView(c.customerId, c.customerName, c.customerEmail, c.customerPhone, c.preferredChannel,
                        c.locale, c.timeZone, c.tier),
                c.receivedVia, c.category, c.summary, c.story, c.desiredOutcome, c.orderReference,
                c.amountAtStakeMoney(), c.occurredAt, c.crmReference, c.fault, c.receivedAt, c.updatedAt,
                (int) c.questions.stream().filter(Question::isOpen).count(),
                c.questions.stream().map(QuestionView::of).toList(),
                c.timeline.stream().map(e -> new Step(e.stage, e.event, e.occurredAt, e.actor, e.detail)).toList());
    }
}
