package dev.amends.platform.inbox;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.platform.database.DatabaseRetry;
import dev.amends.platform.database.DatabaseUnreachable;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.tracing.TraceParent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The receiving side of "nothing twice". A consumer hands each poll's records to {@link #receive},
 * which applies their events in one transaction that also records their ids, so a redelivery after
 * a crash or a rebalance is recognised and skipped.
 *
 * <p>A record that cannot be read (no CloudEvents id, a payload that does not parse) or whose
 * event fails to apply goes to the consumer's dead-letter topic for its source topic, alone: the
 * batch is split until the failing record stands by itself, and the others commit. A batch that
 * outlives its transaction timeout ({@link InboxConfig#transactionTimeout()}) or loses a deadlock
 * is split the same way, so a batch too big to finish in time gets smaller until it does, and the
 * partition moves on; a single event that cannot finish in time is dead-lettered with that reason.
 * A database that cannot be reached is different: the records are fine, and so are the ones behind
 * them, so the batch is tried again ({@link DatabaseRetry}), holding its partitions, rather than
 * dead-lettered.
 *
 * <p>Cost: one transaction per batch (per part, once split), whose first statement records every
 * event id at once; then whatever the service's {@link BatchWork} does.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final DatabaseUnreachable UNREACHABLE = new DatabaseUnreachable();
    private static final DatabaseRetry.Conflict CONFLICT = new DatabaseRetry.Conflict();
    private static final String TIMEOUT = "timeout";

    static final String COMPLAINT_ID = "complaintId";

    private final EntityManager entityManager;
    private final String consumer;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final DatabaseRetry databaseRetry;
    private final ConsumerProgress progress;
    private final Duration transactionTimeout;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    Inbox(EntityManager entityManager, @ConfigProperty(name = "quarkus.application.name") String consumer,
            MeterRegistry registry, AfterCommit afterCommit, DatabaseRetry databaseRetry, ConsumerProgress progress,
            InboxConfig config) {
        this.entityManager = entityManager;
        this.consumer = consumer;
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.databaseRetry = databaseRetry;
        this.progress = progress;
        this.transactionTimeout = config.transactionTimeout();
    }

    /**
     * What a consumer does with the events of one transaction: each event in turn, then, once, what
     * the events together call for (work that is cheaper, or only safe, done once per batch: locking
     * rows in one order, say). A fresh one is made for every transaction, so a batch that is split
     * and tried again starts from nothing.
     */
    public interface BatchWork {

        void apply(DomainEvent event);

        /** Called once all the transaction's events are applied, before it commits. */
        default void applied() {
        }

        /**
         * Called once the transaction has committed, outside it: for what must see the work of
         * other transactions that committed meanwhile. A failure here is logged, and the events
         * stay applied.
         */
        default void committed() {
        }
    }

    /**
     * Applies, with {@code apply}, each event of the batch whose type is in {@code reads} and that
     * this service has not applied before, in the order the batch holds them (each partition's, so
     * each customer's, order). Records of other types are skipped by their {@code ce_type} header,
     * unparsed. The returned stage completes when the batch's offsets may be committed.
     *
     * <p>While the database is unreachable the batch is tried again, holding its partitions: every
     * record behind it would fail the same way, and dead-lettering them would take good events out
     * of the flow. Only after ten minutes of that do its records go to the dead-letter topic after
     * all, where the DLQ alert fires, so a long outage cannot stall a partition unseen.
     */
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch, Set<EventType> reads,
            Consumer<DomainEvent> apply) {
        return receive(batch, reads, () -> apply::accept);
    }

    /** As {@link #receive(KafkaRecordBatch, Set, Consumer)}, with a {@link BatchWork} made per transaction. */
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch, Set<EventType> reads,
            Supplier<BatchWork> work) {
        inFlight.incrementAndGet();
        ConsumerProgress.Consumer of = progress.of(channel(batch));
        of.handedOver();
        try {
            if (stopping) {
                heldBack(batch);
            }
            List<Received> wanted = new ArrayList<>();
            List<CompletionStage<Void>> deadLettered = new ArrayList<>();
            for (KafkaRecord<String, String> record : batch) {
                try {
                    decode(record, reads).ifPresent(wanted::add);
                } catch (UnreadableEventException | EventCodec.MalformedEventException e) {
                    registry.counter("amends.events.unreadable", "topic", record.getTopic()).increment();
                    deadLettered.add(deadLetter(record, e, "unreadable"));
                }
            }
            applyOrSplit(wanted, work, deadLettered, of);
            // The dead letters are written before the offsets behind them are committed, so none is lost.
            CompletableFuture.allOf(deadLettered.stream().map(CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new)).join();
            of.caughtUp();
        } finally {
            inFlight.decrementAndGet();
        }
        return batch.ack();
    }

    /**
     * Applies the events in one transaction; when that fails for a reason of the events' own, runs
     * out of time or loses a deadlock, each half is applied on its own, down to the one event that
     * fails, which is dead-lettered. A single event that loses a deadlock is tried again
     * (DatabaseRetry): the other transaction has finished by then.
     */
    private void applyOrSplit(List<Received> events, Supplier<BatchWork> work, List<CompletionStage<Void>> deadLettered,
            ConsumerProgress.Consumer of) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        AtomicReference<BatchWork> tried = new AtomicReference<>();
        Runnable attempt = () -> {
            tried.set(work.get());
            applyAll(events, tried.get());
        };
        try {
            if (events.size() == 1) {
                databaseRetry.inNewTransaction(transactionTimeout, attempt);
            } else {
                databaseRetry.whileReachable(transactionTimeout, attempt);
            }
            of.committed();
            try {
                tried.get().committed();
            } catch (RuntimeException e) {
                LOG.warnf(e, "The work after a batch of %d events committed failed", events.size());
            }
        } catch (RuntimeException e) {
            String cause = cause(e, Duration.ofNanos(System.nanoTime() - started));
            if (UNREACHABLE.test(e)) {
                LOG.errorf("Database unreachable for ten minutes: dead-lettering %d events", events.size());
                events.forEach(event -> deadLettered.add(deadLetter(event.record(), e, "unreachable")));
            } else if (events.size() == 1) {
                String reason = cause.equals(TIMEOUT) ? "did not finish within the transaction timeout of "
                        + transactionTimeout.toSeconds() + " s: " + e : e.toString();
                LOG.warnf("%s %s could not be applied and goes to the dead-letter topic: %s", events.get(0).ceType(),
                        events.get(0).eventId(), reason);
                deadLettered.add(deadLetter(events.get(0).record(), new EventNotApplied(reason, e), cause));
            } else {
                LOG.warnf("A batch of %d events failed (%s: %s); its halves are applied on their own", events.size(),
                        cause, e.toString());
                registry.counter("amends.inbox.batches.split", "cause", cause).increment();
                int half = events.size() / 2;
                applyOrSplit(events.subList(0, half), work, deadLettered, of);
                applyOrSplit(events.subList(half, events.size()), work, deadLettered, of);
            }
        }
    }

    /**
     * Why a transaction failed, as the split and dead-letter counters name it: it ran out of time
     * (the reaper aborts it, or cancels its statement: SQLSTATE 57014), it lost a deadlock or a
     * serialization conflict, or an event or the code is wrong.
     */
    private String cause(RuntimeException failure, Duration took) {
        if (!took.minus(transactionTimeout).isNegative()) {
            return TIMEOUT;
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return TIMEOUT;
            }
        }
        return CONFLICT.test(failure) ? "conflict" : "failure";
    }

    /** An event the consumer could not apply, with the reason as the dead-letter header carries it. */
    static final class EventNotApplied extends RuntimeException {
        EventNotApplied(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private void applyAll(List<Received> events, BatchWork work) {
        Set<UUID> firstTime = recordFirstTimes(events);
        // Counted once per batch and topic and type, when the batch commits.
        Map<List<String>, Integer> consumed = new HashMap<>();
        Map<List<String>, Integer> redelivered = new HashMap<>();
        for (Received received : events) {
            List<String> tags = List.of(received.record().getTopic(), received.ceType());
            if (!firstTime.remove(received.eventId())) {
                LOG.debugf("Skipping %s %s: already processed", received.ceType(), received.eventId());
                redelivered.merge(tags, 1, Integer::sum);
                continue;
            }
            // Every line logged while this event is applied names its complaint (never the customer),
            // and every event it causes continues its trace.
            MDC.put(COMPLAINT_ID, received.event().subject());
            TraceParent.consuming(received.traceparent());
            try {
                work.apply(received.event());
            } finally {
                MDC.remove(COMPLAINT_ID);
                TraceParent.forget();
            }
            consumed.merge(tags, 1, Integer::sum);
        }
        work.applied();
        afterCommit.run(() -> {
            consumed.forEach((tags, count) -> registry.counter("amends.events.consumed", "topic", tags.get(0), "type",
                    tags.get(1)).increment(count));
            redelivered.forEach((tags, count) -> registry.counter("amends.events.redelivered", "topic", tags.get(0),
                    "type", tags.get(1)).increment(count));
        });
    }

    /** Records the ids of all the events in one statement, which answers the ones not seen before. */
    private Set<UUID> recordFirstTimes(List<Received> events) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            UUID[] ids = events.stream().map(Received::eventId).toArray(UUID[]::new);
            String[] types = events.stream().map(Received::ceType).toArray(String[]::new);
            Array idArray = connection.createArrayOf("uuid", ids);
            Array typeArray = connection.createArrayOf("text", types);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into amends_processed_event (consumer, event_id, event_type)
                    select ?, e.id, e.type from unnest(?, ?) as e(id, type)
                    on conflict do nothing
                    returning event_id
                    """)) {
                insert.setString(1, consumer);
                insert.setArray(2, idArray);
                insert.setArray(3, typeArray);
                Set<UUID> firstTime = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        firstTime.add(rows.getObject(1, UUID.class));
                    }
                }
                return firstTime;
            } finally {
                idArray.free();
                typeArray.free();
            }
        });
    }

    /**
     * To the dead-letter topic this consumer keeps for the record's source topic, with the reason;
     * the stage completes once Kafka has it.
     */
    private CompletionStage<Void> deadLetter(KafkaRecord<String, String> record, Throwable reason, String cause) {
        registry.counter("amends.events.dead.lettered", "topic", record.getTopic(), "cause", cause).increment();
        return record.nack(reason, Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(deadLetterTopic(record.getTopic()))
                .build()));
    }

    /** {@code <source topic>.<consumer>.dlq}, as the contract names them (Topic#deadLetterTopic). */
    String deadLetterTopic(String sourceTopic) {
        return sourceTopic + "." + consumer + ".dlq";
    }

    /**
     * Quarkus closes the database before the Kafka consumers stop, so a batch handed over during
     * shutdown would fail, and its failure would dead-letter perfectly good events. Instead, from
     * here on no batch is started: those under way finish and commit, and later ones are held
     * unacknowledged, so their offsets are not committed and the partitions' next owner receives
     * them again. The hold ends when the worker pool interrupts its threads, well after the
     * consumer has closed; whatever the failure then does, no event is lost (its offset was never
     * committed) and none is applied twice (the inbox skips a replay).
     */
    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** The consumer the batch came from, as SmallRye names it ("events$1" with several per channel). */
    private static String channel(KafkaRecordBatch<String, String> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).map(IncomingKafkaRecordBatchMetadata::getChannel)
                .orElse(Channels.EVENTS);
    }

    private static void heldBack(KafkaRecordBatch<String, String> batch) {
        LOG.debugf("Stopping: a batch of %d records is left for the partitions' next owners", batch.getRecords().size());
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.park();
        }
        throw new ServiceStopping(batch.getRecords().size());
    }

    /** The service stopped before it could apply the batch; its offsets were never committed. */
    static final class ServiceStopping extends RuntimeException {
        ServiceStopping(int records) {
            super("stopped before applying a batch of " + records + " records");
        }
    }

    /**
     * The record's event, when its type is one this consumer reads. Event types it does not read
     * (a newer version, a type meant for others) are skipped before anything is parsed.
     */
    private static Optional<Received> decode(KafkaRecord<String, String> record, Set<EventType> reads) {
        String ceType = header(record, "ce_type");
        Optional<EventType> type = EventType.ofCeType(ceType).filter(reads::contains);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        UUID eventId = parseEventId(header(record, "ce_id"));
        if (record.getPayload() == null) {
            throw new UnreadableEventException("record has no payload");
        }
        DomainEvent event = EventCodec.fromJson(type.get(), record.getPayload());
        Header traceparent = record.getHeaders().lastHeader(TraceParent.HEADER);
        return Optional.of(new Received(record, eventId, ceType, event,
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8)));
    }

    /** One event of a batch, read from its record. */
    private record Received(KafkaRecord<String, String> record, UUID eventId, String ceType, DomainEvent event,
            String traceparent) {
    }

    private static UUID parseEventId(String ceId) {
        try {
            return UUID.fromString(ceId);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("ce_id is not a UUID: " + ceId);
        }
    }

    private static String header(KafkaRecord<String, String> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
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
