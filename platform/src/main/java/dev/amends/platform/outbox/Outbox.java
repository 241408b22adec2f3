package dev.amends.platform.outbox;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.platform.tracing.TraceParent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the caller's transaction, next to the state change they announce. Nothing is
 * sent from here: {@link OutboxRelay} publishes what committed.
 *
 * <p>The events a transaction records are written together, in one statement, just before it
 * commits: a batch of a hundred Kafka records that causes two hundred events costs one round trip
 * to the database for them, not two hundred.
 */
@ApplicationScoped
public class Outbox {

    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;

    Outbox(TransactionSynchronizationRegistry transactions, AgroalDataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
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
        Recorded recorded = (Recorded) transactions.getResource(Recorded.class);
        if (recorded == null) {
            recorded = new Recorded();
            transactions.putResource(Recorded.class, recorded);
            transactions.registerInterposedSynchronization(recorded);
        }
        recorded.rows.add(new Row(eventId, event.tenant(), type.topic().topicName(), event.customerId(),
                type.ceType(), event.subject(), EventCodec.toJson(event), occurredAt, traceparent));
        return eventId;
    }

    private record Row(UUID eventId, String tenant, String topic, String key, String type, String subject,
            String payload, Instant occurredAt, String traceparent) {
    }

    /** The events one transaction recorded, written when it is about to commit. */
    private final class Recorded implements Synchronization {

        private final List<Row> rows = new ArrayList<>();

        @Override
        public void beforeCompletion() {
            if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            // Inside the transaction still: the pool hands out the connection it is enlisted on.
            try (Connection connection = dataSource.getConnection()) {
                insert(connection);
            } catch (SQLException e) {
                // Thrown from here, the failure rolls the transaction back, state change included.
                throw new IllegalStateException("could not write the outbox: " + e.getMessage(), e);
            }
        }

        private void insert(Connection connection) throws SQLException {
            List<Array> arrays = List.of(
                    connection.createArrayOf("uuid", rows.stream().map(Row::eventId).toArray()),
                    connection.createArrayOf("text", rows.stream().map(Row::tenant).toArray()),
                    connection.createArrayOf("text", rows.stream().map(Row::topic).toArray()),
                    connection.createArrayOf("text", rows.stream().map(Row::key).toArray()),
                    connection.createArrayOf("text", rows.stream().map(Row::type).toArray()),
                    connection.createArrayOf("text", rows.stream().map(Row::subject).toArray()),
                    connection.createArrayOf("text", rows.stream().map(Row::payload).toArray()),
                    connection.createArrayOf("timestamptz",
                            rows.stream().map(row -> Timestamp.from(row.occurredAt())).toArray()),
                    connection.createArrayOf("text", rows.stream().map(Row::traceparent).toArray()));
            // "with ordinality" keeps the rows' ids in the order the events were recorded.
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into amends_outbox
                        (event_id, tenant, topic, message_key, event_type, subject, payload, occurred_at, traceparent)
                    select e.event_id, e.tenant, e.topic, e.message_key, e.event_type, e.subject,
                           cast(e.payload as jsonb), e.occurred_at, e.traceparent
                    from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) with ordinality
                        as e(event_id, tenant, topic, message_key, event_type, subject, payload, occurred_at,
                             traceparent, position)
                    order by e.position
                    """)) {
                for (int i = 0; i < arrays.size(); i++) {
                    statement.setArray(i + 1, arrays.get(i));
                }
                statement.executeUpdate();
            } finally {
                for (Array array : arrays) {
                    array.free();
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
        }
    }
}
