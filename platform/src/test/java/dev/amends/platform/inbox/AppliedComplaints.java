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
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The test application's consumer, written as a service writes one: each complaint it receives is
 * stored, and a decision about it goes out through the outbox, in the batch's transaction. A
 * complaint whose summary says it {@link #REFUSED cannot be applied} fails, as a bug or a broken
 * event would; one that {@link #SLOW takes its time} outlives the test's transaction timeout, as an
 * event that locks too much would; one that {@link #HELD is held} waits until the test
 * {@link #release releases} it, as a consumer waiting on a lock would.
 */
@ApplicationScoped
public class AppliedComplaints {

    public static final String REFUSED = "cannot be applied";
    public static final String SLOW = "takes its time";
    public static final String HELD = "is held";
    /** Longer than the test profile's transaction timeout (amends.inbox.transaction-timeout). */
    static final Duration SLOWNESS = Duration.ofMillis(2500);

    private final Inbox inbox;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold = new CountDownLatch(1);

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
            if (complaint.summary().contains(SLOW)) {
                LockSupport.parkNanos(SLOWNESS.toNanos());
            }
            if (complaint.summary().contains(HELD)) {
                awaitRelease();
            }
            entityManager.createNativeQuery(
                    "insert into applied_complaint (complaint_id, customer_id, summary) values (?1, ?2, ?3)")
                    .setParameter(1, complaint.complaintId()).setParameter(2, complaint.customerId())
                    .setParameter(3, complaint.summary()).executeUpdate();
            outbox.record(SampleEvents.creditGranted(complaint.complaintId(), complaint.customer(),
                    new Money(new BigDecimal("10.00"), "EUR")), Instant.now());
        });
    }

    /** Lets a held complaint go, and holds the next one again. */
    public void release() {
        CountDownLatch released = hold;
        hold = new CountDownLatch(1);
        released.countDown();
    }

    private void awaitRelease() {
        try {
            hold.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
