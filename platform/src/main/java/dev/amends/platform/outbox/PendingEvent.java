package dev.amends.platform.outbox;

import java.time.Instant;

/** One unpublished outbox row, as the relay reads it. */
record PendingEvent(
        long id,
        String eventId,
        String tenant,
        String topic,
        String key,
        String type,
        String subject,
        String payload,
        Instant occurredAt,
        String traceparent) {
}
