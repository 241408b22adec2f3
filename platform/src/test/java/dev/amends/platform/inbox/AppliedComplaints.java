package dev.amends.platform.inbox;

import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.devkit.SampleEvents;
import dev.amends.platform.outbox.Outbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The test application's consumer, written as a service writes one: each complaint it receives is
 * stored, and a decision about it goes out through the outbox, in the batch's transaction. A
 * complaint whose summary says it {@link #REFUSED cannot be applied} fails, as a bug or a broken
 * event would.
 */
@ApplicationScoped
public class AppliedComplaints {

    public static final String REFUSED = "cannot be applied";

    private final Inbox inbox;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    AppliedComplaints(Inbox inbox, Outbox outbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    @Incoming(Channels.EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        batches.add(batch.getRecords().stream().map(AppliedComplaints::ceId).toList());
        return inbox.receive(batch, EnumSet.of(EventType.COMPLAINT_RECEIVED), event -> {
            ComplaintReceived complaint = (ComplaintReceived) event;
            if (complaint.summary().contains(REFUSED)) {
                throw new IllegalStateException("complaint " + complaint.complaintId() + " is refused");
            }
            entityManager.createNativeQuery(
                    "insert into applied_complaint (complaint_id, customer_id, summary) values (?1, ?2, ?3)")
                    .setParameter(1, complaint.complaintId()).setParameter(2, complaint.customerId())
                    .setParameter(3, complaint.summary()).executeUpdate();
            outbox.record(SampleEvents.creditGranted(complaint.complaintId(), complaint.customer(),
                    new Money(new BigDecimal("10.00"), "EUR")), Instant.now());
        });
    }

    /** The ce_id headers of every batch handed over, in order. */
    public List<List<String>> batches() {
        return batches;
    }

    private static String ceId(KafkaRecord<String, String> record) {
        var header = record.getHeaders().lastHeader("ce_id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
