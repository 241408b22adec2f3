package dev.amends.intake.complaint;

import dev.amends.contract.complaint.ComplaintCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of complaints, oldest first; {@code next} is the link to the following page, if any. */
public record ComplaintPage(List<Summary> items, String next) {

    public record Summary(UUID id, String tenant, ComplaintStatus status, String customerId,
            ComplaintCategory category, String summary, String crmReference, Instant receivedAt, Instant updatedAt) {

        static Summary of(Complaint c) {
            return new Summary(c.id, c.tenant, c.status, c.customerId, c.category, c.summary, c.crmReference,
                    c.receivedAt, c.updatedAt);
        }
    }
}
