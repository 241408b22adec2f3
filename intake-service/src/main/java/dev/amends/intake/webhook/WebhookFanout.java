package dev.amends.intake.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.intake.complaint.TimelineEvent;
import dev.amends.platform.lock.AdvisoryLock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Turns committed timeline entries into deliveries for the subscriptions that want them. The
 * timeline itself is the outbox: an entry is marked fanned out in the transaction that creates its
 * deliveries, so none is announced twice or forgotten, and an advisory lock keeps one instance
 * at a time doing it, so deliveries are created in the order the changes happened.
 */
@ApplicationScoped
public class WebhookFanout {

    private static final long FANOUT_LOCK = 0x7765626877L;
    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final WebhookConfig config;
    private final Clock clock = Clock.systemUTC();

    WebhookFanout(EntityManager entityManager, ObjectMapper mapper, WebhookConfig config) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
    }

    @Scheduled(every = "${amends.intake.webhooks.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void fanOut() {
        if (!AdvisoryLock.tryForTransaction(entityManager, FANOUT_LOCK)) {
            return;
        }
        List<Entry> entries = pendingEntries();
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, List<WebhookSubscription>> subscriptions = new HashMap<>();
        for (Entry entry : entries) {
            String type = WebhookEvent.typeOf(TimelineEvent.valueOf(entry.event()));
            for (WebhookSubscription subscription : subscriptions.computeIfAbsent(entry.tenant(),
                    WebhookSubscription::activeFor)) {
                if (subscription.wants(type)) {
                    deliver(subscription, entry, type, now);
                }
            }
        }
        entityManager.createNativeQuery("update timeline_entry set fanned_out = true where id = any(?1)")
                .setParameter(1, entries.stream().map(Entry::id).toArray(Long[]::new))
                .executeUpdate();
    }

    private void deliver(WebhookSubscription subscription, Entry entry, String type, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.subscriptionId = subscription.id;
        delivery.complaintId = entry.complaintId();
        delivery.eventId = UUID.randomUUID();
        delivery.eventType = type;
        delivery.body = body(new WebhookEvent("1.0", delivery.eventId, type, "/amends/intake-service",
                entry.complaintId().toString(), entry.occurredAt(), "application/json",
                new WebhookEvent.Change(entry.complaintId(), entry.tenant(), entry.customerId(), entry.crmReference(),
                        entry.status(), entry.event(), entry.stage(), entry.occurredAt(), entry.actor(),
                        entry.detail())));
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        delivery.giveUpAt = now.plus(config.giveUpAfter());
        delivery.persist();
    }

    private String body(WebhookEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook event", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Entry> pendingEntries() {
        return entityManager.createNativeQuery("""
                select t.id, t.complaint_id, t.event, t.stage, t.occurred_at, t.actor, t.detail,
                       c.tenant, c.customer_id, c.crm_reference, c.status
                from timeline_entry t join complaint c on c.id = t.complaint_id
                where not t.fanned_out
                order by t.id
                limit ?1
                """)
                .setParameter(1, BATCH)
                .unwrap(NativeQuery.class)
                .addScalar("id", Long.class)
                .addScalar("complaint_id", UUID.class)
                .addScalar("event", String.class)
                .addScalar("stage", String.class)
                .addScalar("occurred_at", Instant.class)
                .addScalar("actor", String.class)
                .addScalar("detail", String.class)
                .addScalar("tenant", String.class)
                .addScalar("customer_id", String.class)
                .addScalar("crm_reference", String.class)
                .addScalar("status", String.class)
                .setTupleTransformer((tuple, aliases) -> new Entry((Long) tuple[0], (UUID) tuple[1],
                        (String) tuple[2], (String) tuple[3], (Instant) tuple[4], (String) tuple[5],
                        (String) tuple[6], (String) tuple[7], (String) tuple[8], (String) tuple[9],
                        (String) tuple[10]))
                .getResultList();
    }

    private record Entry(long id, UUID complaintId, String event, String stage, Instant occurredAt, String actor,
            String detail, String tenant, String customerId, String crmReference, String status) {
    }
}
