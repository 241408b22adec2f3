package dev.amends.platform.outbox;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.platform.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Records events in the caller's transaction, next to the state change they announce. Nothing is
 * sent from here: {@link OutboxRelay} publishes what committed.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;

    Outbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * On a customer's erasure: the copies of their events already sent, kept here only for the
     * outbox's retention period, go now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetPublished(String tenant, String customerId) {
        entityManager.createNativeQuery(
                "delete from amends_outbox where tenant = ?1 and message_key = ?2 and published_at is not null")
                .setParameter(1, tenant).setParameter(2, customerId).executeUpdate();
    }

    /** Returns the event id, which becomes the CloudEvents {@code ce_id}; the event continues the current trace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(DomainEvent event, Instant occurredAt) {
        return record(event, occurredAt, TraceParent.current());
    }

    /**
     * For work done later on another thread (a message sent after its event was consumed): the
     * event continues the trace given, the one that work was caused by.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(DomainEvent event, Instant occurredAt, String traceparent) {
        EventType type = EventType.of(event);
        UUID eventId = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into amends_outbox
                    (event_id, tenant, topic, message_key, event_type, subject, payload, occurred_at, traceparent,
                     retained)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, nullif(?9, ''), ?10)
                """)
                .setParameter(1, eventId)
                .setParameter(2, event.tenant())
                .setParameter(3, type.topic().topicName())
                .setParameter(4, event.customerId())
                .setParameter(5, type.ceType())
                .setParameter(6, event.subject())
                .setParameter(7, EventCodec.toJson(event))
                .setParameter(8, occurredAt)
                .setParameter(9, traceparent == null ? "" : traceparent)
                .setParameter(10, event.retainedAfterDelivery())
                .executeUpdate();
        return eventId;
    }
}
