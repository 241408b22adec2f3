package dev.amends.platform.outbox;

import dev.amends.platform.lock.AdvisoryLock;
import dev.amends.platform.tracing.TraceParent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka, in id order, and deletes them once Kafka has
 * acknowledged them: from then on Kafka is the event's log. It wakes on the outbox's NOTIFY and
 * polls only as a fallback.
 *
 * <p>Several instances of a service may run: a transaction-scoped advisory lock lets one relay
 * publish at a time, which keeps every key's events in order across instances, and a crashed
 * instance's lock is released with its connection. A crash between Kafka's acknowledgement and the
 * commit republishes that batch with the same event ids, which idempotent consumers skip.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "amends-outbox";
    static final String NOTIFY_CHANNEL = "amends_outbox";
    /** Arbitrary but fixed: the advisory lock that serialises relays sharing one database. */
    private static final long RELAY_LOCK = 0x616d656e6473L;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final TransactionManager transactionManager;
    private final URI source;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean running;
    private volatile Thread worker;
    private Connection listener;

    OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, EntityManager entityManager,
            AgroalDataSource dataSource, OutboxConfig config, TransactionManager transactionManager,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.config = config;
        this.transactionManager = transactionManager;
        this.source = URI.create(applicationName);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::relay, "amends-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeListener();
    }

    boolean isRunning() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive();
    }

    /** The last error that stopped a publishing attempt, or null once a later attempt succeeded. */
    String lastFailure() {
        return lastFailure.get();
    }

    private void relay() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                lastFailure.set(null);
                backoff = Duration.ofMillis(100);
                if (published < config.batchSize()) {
                    awaitNewEvents();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                lastFailure.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warnf("Outbox relay could not publish, retrying in %s: %s", backoff, e.getMessage());
                closeListener();
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                        ? config.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private int publishBatch() {
        if (!AdvisoryLock.tryForTransaction(entityManager, RELAY_LOCK)) {
            return 0;
        }
        List<PendingEvent> batch = pending();
        if (batch.isEmpty()) {
            return 0;
        }
        awaitOutsideTransaction(batch);
        Long[] ids = batch.stream().mapToLong(PendingEvent::id).boxed().toArray(Long[]::new);
        entityManager.createNativeQuery("delete from amends_outbox where id = any(?1)")
                .setParameter(1, ids).executeUpdate();
        return batch.size();
    }

    /**
     * Sends the batch and waits for Kafka's acknowledgements with the transaction suspended: its
     * row and advisory locks stay held on the connection, but context propagation cannot carry the
     * transaction onto Kafka's callback threads, where Narayana would see a second thread inside it
     * at commit and roll the commit back.
     */
    private void awaitOutsideTransaction(List<PendingEvent> batch) {
        Transaction transaction;
        try {
            transaction = transactionManager.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot suspend the relay's transaction", e);
        }
        try {
            List<Uni<Void>> acknowledgements = batch.stream().map(this::send).toList();
            Uni.join().all(acknowledgements).andFailFast().await().atMost(config.sendTimeout());
        } finally {
            try {
                transactionManager.resume(transaction);
            } catch (InvalidTransactionException | SystemException e) {
                throw new IllegalStateException("cannot resume the relay's transaction", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<PendingEvent> pending() {
        return entityManager.createNativeQuery("""
                select id, event_id::text as event_id, tenant, topic, message_key, event_type, subject,
                       payload::text as payload, occurred_at, traceparent
                from amends_outbox
                order by id
                limit ?1
                for update skip locked
                """)
                .setParameter(1, config.batchSize())
                .unwrap(NativeQuery.class)
                .addScalar("id", Long.class)
                .addScalar("event_id", String.class)
                .addScalar("tenant", String.class)
                .addScalar("topic", String.class)
                .addScalar("message_key", String.class)
                .addScalar("event_type", String.class)
                .addScalar("subject", String.class)
                .addScalar("payload", String.class)
                .addScalar("occurred_at", Instant.class)
                .addScalar("traceparent", String.class)
                .setTupleTransformer((tuple, aliases) -> new PendingEvent((Long) tuple[0], (String) tuple[1],
                        (String) tuple[2], (String) tuple[3], (String) tuple[4], (String) tuple[5],
                        (String) tuple[6], (String) tuple[7], (Instant) tuple[8], (String) tuple[9]))
                .getResultList();
    }

    private Uni<Void> send(PendingEvent event) {
        boolean traced = event.traceparent() != null && !event.traceparent().isEmpty();
        RecordHeaders headers = new RecordHeaders();
        if (traced) {
            // Carried as it is, so the trace survives even where this service exports no spans.
            headers.add(TraceParent.HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        Message<String> message = Message.of(event.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic())
                        .withKey(event.key())
                        .withHeaders(headers)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.eventId())
                        .withType(event.type())
                        .withSource(source)
                        .withSubject(event.subject())
                        .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                        .withExtension("tenant", event.tenant())
                        .build());
        if (traced) {
            // The connector's producer span then belongs to the same trace, and so does the header it writes.
            message = message.addMetadata(TracingMetadata.withCurrent(TraceParent.context(event.traceparent())));
        }
        return emitter.sendMessage(message);
    }

    private void awaitNewEvents() {
        try {
            if (listener == null) {
                listener = dataSource.getConnection();
                try (Statement statement = listener.createStatement()) {
                    statement.execute("listen " + NOTIFY_CHANNEL);
                }
            }
            listener.unwrap(PGConnection.class).getNotifications((int) config.pollInterval().toMillis());
        } catch (SQLException e) {
            // Polling still publishes while the listening connection is re-established.
            LOG.debugf("Outbox listener lost, polling until it is back: %s", e.getMessage());
            closeListener();
            pause(config.pollInterval());
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the outbox listener failed: %s", e.getMessage());
            }
            listener = null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
