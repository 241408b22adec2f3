package dev.amends.intake.complaint;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactChannel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A complaint with its current status and its LEARN timeline. */
public record ComplaintView(
        UUID id,
        String tenant,
        ComplaintStatus status,
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
        Instant receivedAt,
        Instant updatedAt,
        List<Step> timeline) {

    public record CustomerView(String id, String name, String email, String phone, ContactChannel preferredChannel,
            String locale, String timeZone, String tier) {
    }

    /** One thing that happened: its LEARN stage, when, and who did it. */
    public record Step(LearnStage stage, TimelineEvent event, Instant at, String actor, String detail) {
    }

    static ComplaintView of(Complaint c) {
        return new ComplaintView(c.id, c.tenant, c.status,
                new CustomerView(c.customerId, c.customerName, c.customerEmail, c.customerPhone, c.preferredChannel,
                        c.locale, c.timeZone, c.tier),
                c.receivedVia, c.category, c.summary, c.story, c.desiredOutcome, c.orderReference,
                c.amountAtStakeMoney(), c.occurredAt, c.crmReference, c.receivedAt, c.updatedAt,
                c.timeline.stream().map(e -> new Step(e.stage, e.event, e.occurredAt, e.actor, e.detail)).toList());
    }
}
