package dev.amends.intake.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its owner sees it; the secret is never shown again. */
public record WebhookView(UUID id, String url, List<String> eventTypes, boolean active, Instant createdAt) {

    static WebhookView of(WebhookSubscription s) {
        return new WebhookView(s.id, s.url, s.eventTypeList(), s.active, s.createdAt);
    }

    /**
     * One delivery and how its attempts went: the class of the receiver's last status ("2xx",
     * "5xx") and a plain reason, never what happened at the socket.
     */
    public record Delivery(long id, UUID eventId, UUID complaintId, String eventType, WebhookDelivery.Status status,
            int attempts, Instant createdAt, Instant lastAttemptAt, String lastStatusClass, String lastError,
            Instant nextAttemptAt, Instant deliveredAt) {

        static Delivery of(WebhookDelivery d) {
            return new Delivery(d.id, d.eventId, d.complaintId, d.eventType, d.status, d.attempts, d.createdAt,
                    d.lastAttemptAt, d.lastStatusCode == null ? null : d.lastStatusCode / 100 + "xx", d.lastError,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt);
        }
    }
}
