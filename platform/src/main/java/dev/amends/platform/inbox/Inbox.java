package dev.amends.platform.inbox;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.platform.database.DatabaseRetry;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.tracing.TraceParent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The receiving side of "nothing twice". A consumer hands each record to {@link #process}, which
 * applies the event in a transaction that also records its id, so a redelivery after a crash or a
 * rebalance is recognised and skipped.
 *
 * <p>A record that cannot be read (no CloudEvents id, a payload that does not parse) throws, the
 * transaction rolls back, and the channel's dead-letter failure strategy moves it aside so the
 * partition goes on. A database that cannot be reached is different: the record is fine, and so
 * are the ones behind it, so it is tried again (see {@link #process}) rather than dead-lettered.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    static final String COMPLAINT_ID = "complaintId";

    private final EntityManager entityManager;
    private final String consumer;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final DatabaseRetry databaseRetry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    Inbox(EntityManager entityManager, @ConfigProperty(name = "quarkus.application.name") String consumer,
            MeterRegistry registry, AfterCommit afterCommit, DatabaseRetry databaseRetry) {
        this.entityManager = entityManager;
        this.consumer = consumer;
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.databaseRetry = databaseRetry;
    }

    /**
     * Applies the record's event with {@code apply}, once, in a transaction of its own.
     *
     * <p>While the database is unreachable the same record is tried again ({@link DatabaseRetry}),
     * holding its partition: every record behind it would fail the same way, and dead-lettering
     * them would take good events out of the flow. Only after ten minutes of that does the record go
     * to the dead-letter topic after all, where the DLQ alert fires, so a long outage cannot stall a
     * partition unseen.
     */
    public void process(ConsumerRecord<String, String> record, Consumer<DomainEvent> apply) {
        inFlight.incrementAndGet();
        try {
            if (!stopping) {
                databaseRetry.inNewTransaction(() -> receive(record).ifPresent(apply));
                return;
            }
        } finally {
            inFlight.decrementAndGet();
        }
        heldBack(record);
    }

    /**
     * Quarkus closes the database before the Kafka consumers stop, so an event handed over during
     * shutdown would fail, and its failure would dead-letter a perfectly good event. Instead, from
     * here on no event is started: those under way finish and commit, and later ones are held
     * unacknowledged, so their offsets are not committed and the partition's next owner receives
     * them again. The hold ends when the worker pool interrupts its threads, well after the
     * consumer has closed; whatever the failure then does, the event is not lost (its offset was
     * never committed) and not applied twice (the inbox skips a replay).
     */
    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void heldBack(ConsumerRecord<String, String> record) {
        LOG.debugf("Stopping: %s-%d@%d is left for the partition's next owner", record.topic(), record.partition(),
                record.offset());
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.park();
        }
        throw new ServiceStopping(record);
    }

    /** The service stopped before it could apply the record; its offset was never committed. */
    static final class ServiceStopping extends RuntimeException {
        ServiceStopping(ConsumerRecord<String, String> record) {
            super("stopped before applying " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
    }

    /**
     * Returns the event when this service has not processed it before. Event types this version
     * does not know (a newer version, a type meant for others) are skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DomainEvent> receive(ConsumerRecord<String, String> record) {
        String ceType = header(record, "ce_type");
        Optional<EventType> type = EventType.ofCeType(ceType);
        if (type.isEmpty()) {
            LOG.debugf("Skipping %s at %s-%d@%d: not an event type this service reads", ceType,
                    record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        DomainEvent event;
        UUID eventId;
        try {
            eventId = parseEventId(header(record, "ce_id"));
            if (record.value() == null) {
                throw new UnreadableEventException("record has no payload");
            }
            event = EventCodec.fromJson(type.get(), record.value());
        } catch (UnreadableEventException | EventCodec.MalformedEventException e) {
            // Rolled back and dead-lettered right after this, so counted now rather than on commit.
            registry.counter("amends.events.unreadable", "topic", record.topic()).increment();
            throw e;
        }
        int firstTime = entityManager.createNativeQuery("""
                insert into amends_processed_event (consumer, event_id, event_type)
                values (?1, ?2, ?3)
                on conflict do nothing
                """)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, ceType)
                .executeUpdate();
        if (firstTime == 0) {
            LOG.debugf("Skipping %s %s: already processed", ceType, eventId);
            registry.counter("amends.events.redelivered", "topic", record.topic(), "type", ceType).increment();
            return Optional.empty();
        }
        // Every line logged while this event is applied names its complaint (never the customer).
        MDC.put(COMPLAINT_ID, event.subject());
        Header traceparent = record.headers().lastHeader(TraceParent.HEADER);
        TraceParent.consuming(traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8));
        afterCommit.always(() -> {
            MDC.remove(COMPLAINT_ID);
            TraceParent.forget();
        });
        afterCommit.run(() -> registry.counter("amends.events.consumed", "topic", record.topic(), "type", ceType)
                .increment());
        return Optional.of(event);
    }

    private static UUID parseEventId(String ceId) {
        try {
            return UUID.fromString(ceId);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("ce_id is not a UUID: " + ceId);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnreadableEventException("record has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that is not an Amends event at all. */
    public static final class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message) {
            super(message);
        }
    }
}
