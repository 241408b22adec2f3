package dev.amends.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.EventType;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.Customer;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.platform.PlatformTestResource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The batch inbox, driven through Kafka by the test application's consumer. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class InboxIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AppliedComplaints consumer;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aBadRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersApply() {
        List<ComplaintReceived> good = new ArrayList<>();
        List<UUID> published = new ArrayList<>();
        UUID refused = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            if (i == 11) {
                kafka.publish(complaint(SampleEvents.customer(), "This one " + AppliedComplaints.REFUSED), refused);
                published.add(refused);
            } else if (i == 19) {
                kafka.publishRaw(Topic.COMPLAINTS, "CUST-unreadable", "{ not json", Map.of("ce_id", unreadable.toString(),
                        "ce_type", EventType.COMPLAINT_RECEIVED.ceType(), "ce_specversion", "1.0"));
                published.add(unreadable);
            } else {
                ComplaintReceived complaint = complaint(SampleEvents.customer(), "Late delivery " + i);
                UUID id = UUID.randomUUID();
                kafka.publish(complaint, id);
                good.add(complaint);
                published.add(id);
            }
        }

        await().atMost(WAIT).until(() -> applied(good).size() == good.size());
        List<ConsumerRecord<String, String>> deadLetters = await().atMost(WAIT).until(
                () -> kafka.records(PlatformTestResource.DEAD_LETTERS, r -> Set.of(refused.toString(),
                        unreadable.toString()).contains(KafkaTestClient.header(r, "ce_id"))),
                records -> records.size() == 2);
        for (ConsumerRecord<String, String> dead : deadLetters) {
            assertEquals(Topic.COMPLAINTS.topicName(), KafkaTestClient.header(dead, "dead-letter-topic"));
            assertNotNull(KafkaTestClient.header(dead, "dead-letter-reason"));
        }
        assertTrue(KafkaTestClient.header(deadLetter(deadLetters, refused), "dead-letter-reason").contains("refused"));
        // Both bad records came in batches with good ones, which committed all the same.
        for (UUID bad : List.of(refused, unreadable)) {
            List<String> batch = consumer.batches().stream().filter(b -> b.contains(bad.toString())).findFirst()
                    .orElseThrow();
            assertTrue(batch.size() > 1, "the bad record " + bad + " was in a batch of " + batch.size());
        }
        assertEquals(good.size(), applied(good).size(), "each good complaint applied once");
    }

    @Test
    void aBatchThatOutlivesItsTransactionTimeoutIsSplitTheOthersCommitAndTheSlowEventIsDeadLetteredWithItsReason() {
        double splitsBefore = registry.counter("amends.inbox.batches.split", "cause", "timeout").count();
        List<ComplaintReceived> good = new ArrayList<>();
        UUID slow = UUID.randomUUID();
        for (int i = 0; i < 16; i++) {
            if (i == 7) {
                kafka.publish(complaint(SampleEvents.customer(), "This one " + AppliedComplaints.SLOW), slow);
            } else {
                ComplaintReceived complaint = complaint(SampleEvents.customer(), "Late delivery " + i);
                kafka.publish(complaint, UUID.randomUUID());
                good.add(complaint);
            }
        }

        await().atMost(WAIT).until(() -> applied(good).size() == good.size());
        ConsumerRecord<String, String> dead = await().atMost(WAIT).until(() -> kafka.records(
                PlatformTestResource.DEAD_LETTERS, r -> slow.toString().equals(KafkaTestClient.header(r, "ce_id"))),
                records -> records.size() == 1).get(0);
        assertTrue(KafkaTestClient.header(dead, "dead-letter-reason").contains("transaction timeout of 2 s"),
                KafkaTestClient.header(dead, "dead-letter-reason"));
        List<String> batch = consumer.batches().stream().filter(b -> b.contains(slow.toString())).findFirst()
                .orElseThrow();
        assertTrue(batch.size() > 1, "the slow record came in a batch of " + batch.size());
        assertTrue(registry.counter("amends.inbox.batches.split", "cause", "timeout").count() > splitsBefore);
        assertEquals(good.size(), applied(good).size(), "each good complaint applied once");
    }

    @Test
    void aConsumerThatHoldsRecordsWithoutCommittingIsReportedStalledUntilItMovesOn() {
        try {
            kafka.publish(complaint(SampleEvents.customer(), "This one " + AppliedComplaints.HELD), UUID.randomUUID());

            await().atMost(WAIT).until(() -> stalledSeconds() > 3);
            String readiness = given().get("/q/health/ready").then().statusCode(503).extract().asString();
            assertTrue(readiness.contains("stalled since"), readiness);
        } finally {
            consumer.release();
        }
        await().atMost(WAIT).until(() -> stalledSeconds() == 0);
        ComplaintReceived after = complaint(SampleEvents.customer(), "After the hold");
        kafka.publish(after, UUID.randomUUID());
        await().atMost(WAIT).until(() -> applied(List.of(after)).size() == 1);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private double stalledSeconds() {
        return registry.find("amends.consumer.stalled.seconds").gauges().stream().mapToDouble(Gauge::value).max()
                .orElse(0);
    }

    @Test
    void anEventDeliveredAgainIsAppliedOnceAlsoWithinOneBatch() {
        ComplaintReceived complaint = complaint(SampleEvents.customer(), "Charged twice");
        UUID eventId = UUID.randomUUID();
        kafka.publish(complaint, eventId);
        kafka.publish(complaint, eventId);
        ComplaintReceived marker = complaint(SampleEvents.customer(), "Marker");
        kafka.publish(marker, UUID.randomUUID());
        await().atMost(WAIT).until(() -> applied(List.of(marker)).size() == 1);
        kafka.publish(complaint, eventId);
        ComplaintReceived later = complaint(SampleEvents.customer(), "Later marker");
        kafka.publish(later, UUID.randomUUID());
        await().atMost(WAIT).until(() -> applied(List.of(later)).size() == 1);

        assertEquals(1, applied(List.of(complaint)).size());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from amends_processed_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue()));
    }

    @Test
    void eachCustomersEventsApplyInTheOrderTheyWerePublished() {
        List<Customer> customers = List.of(SampleEvents.customer(), SampleEvents.customer(), SampleEvents.customer());
        Map<String, List<UUID>> publishedOrder = new LinkedHashMap<>();
        List<ComplaintReceived> all = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            for (Customer customer : customers) {
                ComplaintReceived complaint = complaint(customer, "Complaint " + round);
                kafka.publish(complaint, UUID.randomUUID());
                publishedOrder.computeIfAbsent(customer.id(), id -> new ArrayList<>()).add(complaint.complaintId());
                all.add(complaint);
            }
        }
        await().atMost(WAIT).until(() -> applied(all).size() == all.size());

        Map<String, List<UUID>> appliedOrder = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                    "select customer_id, complaint_id from applied_complaint where complaint_id in (?1) order by position")
                    .setParameter(1, all.stream().map(ComplaintReceived::complaintId).toList()).getResultList();
            return rows.stream().collect(Collectors.groupingBy(row -> (String) row[0], LinkedHashMap::new,
                    Collectors.mapping(row -> (UUID) row[1], Collectors.toList())));
        });
        for (Customer customer : customers) {
            assertEquals(publishedOrder.get(customer.id()), appliedOrder.get(customer.id()));
        }
    }

    private List<UUID> applied(List<ComplaintReceived> complaints) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select complaint_id from applied_complaint where complaint_id in (?1)", UUID.class)
                .setParameter(1, complaints.stream().map(ComplaintReceived::complaintId).toList())
                .getResultList().stream().map(UUID.class::cast).toList());
    }

    private static ConsumerRecord<String, String> deadLetter(List<ConsumerRecord<String, String>> records, UUID id) {
        return records.stream().filter(r -> id.toString().equals(KafkaTestClient.header(r, "ce_id"))).findFirst()
                .orElseThrow();
    }

    static ComplaintReceived complaint(Customer customer, String summary) {
        ComplaintReceived sample = SampleEvents.complaintReceived(customer, null);
        return new ComplaintReceived(sample.tenant(), sample.complaintId(), sample.customer(), sample.receivedVia(),
                sample.category(), summary, sample.orderReference(), sample.amountAtStake(), sample.occurredAt(),
                sample.crmReference(), sample.triage(), sample.receivedAt(), sample.fault(), sample.specifics());
    }
}
