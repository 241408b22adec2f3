package dev.amends.intake.complaint;

import dev.amends.contract.complaint.ComplaintCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of complaints, oldest first; {@code next} is the link to the following page, if any. */
public record ComplaintPage(List<Summary> items,
        @Schema(description = "How many complaints the filters find in all, over every page.") long total,
        String next) {

    public record Summary(UUID id, String tenant, ComplaintStatus status, String customerId, String customerName,
            ComplaintCategory category, String summary, String orderReference, String crmReference,
            @Schema(description = "The complaint's latest escalation, at recovery-service's /api/v1/escalations/{id}; "
                    + "null when it never needed one.") UUID escalationId,
            Instant receivedAt, Instant updatedAt) {

        static Summary of(Complaint c) {
            return new Summary(c.id, c.tenant, c.status, c.customerId, c.customerName, c.category, c.summary,
                    c.orderReference, c.crmReference, c.escalationId, c.receivedAt, c.updatedAt);
        }
    }
}
