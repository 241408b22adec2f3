package dev.amends.intake.webhook;

import dev.amends.intake.complaint.TimelineEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The CloudEvents (structured JSON) body of a webhook delivery. */
public record WebhookEvent(
        String specversion,
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        Change data) {

    /** The change on the complaint; {@code status} is the complaint's status when it was announced. */
    public record Change(UUID complaintId, String tenant, String customerId, String crmReference, String status,
            String event, String stage, Instant at, String actor, String detail) {
    }

    /** The webhook event type of a timeline event, for example {@code complaint.customer_notified}. */
    public static String typeOf(TimelineEvent event) {
        return "complaint." + event.name().toLowerCase();
    }

    public static List<String> types() {
        return Arrays.stream(TimelineEvent.values()).map(WebhookEvent::typeOf).toList();
    }
}
