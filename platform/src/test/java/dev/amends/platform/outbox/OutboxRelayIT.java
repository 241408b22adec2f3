package dev.amends.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.Money;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.Customer;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.platform.PlatformTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.junit.jupiter.api.Test;

/** The outbox and its relay: what commits is published once, in order per customer, by any number of relays. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OutboxRelayIT {

    @Inject
    Outbox outbox;

    @Inject
    @Channel(OutboxRelay.CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    TransactionManager transactionManager;

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void twoRelaysOnOneOutboxPublishEachEventOnceInTheOrderEachCustomerCausedThem() {
        // A second instance of the service, as far as the outbox is concerned: its own relay on the same table.
        OutboxRelay second = new OutboxRelay(emitter, entityManager, dataSource, config, transactionManager,
                "platform-test");
        second.start(null);
        try {
            List<Customer> customers = List.of(SampleEvents.customer(), SampleEvents.customer(),
                    SampleEvents.customer(), SampleEvents.customer());
            Map<String, List<String>> recorded = new HashMap<>();
            Set<String> complaints = new HashSet<>();
            for (int transaction = 0; transaction < 40; transaction++) {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (Customer customer : customers) {
                        UUID complaintId = UUID.randomUUID();
                        complaints.add(complaintId.toString());
                        UUID eventId = outbox.record(SampleEvents.creditGranted(complaintId, customer,
                                new Money(new BigDecimal("5.00"), "EUR")), Instant.now());
                        recorded.computeIfAbsent(customer.id(), id -> new ArrayList<>()).add(eventId.toString());
                    }
                });
            }
            int expected = recorded.values().stream().mapToInt(List::size).sum();
            List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(60)).until(
                    () -> kafka.records(Topic.RECOVERIES.topicName(),
                            r -> recorded.containsKey(r.key()) && complaints.stream().anyMatch(r.value()::contains)),
                    records -> records.size() >= expected);

            assertEquals(expected, published.size(), "each event published once");
            Map<String, List<String>> order = published.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> KafkaTestClient.header(r, "ce_id"), Collectors.toList())));
            assertEquals(recorded, order);
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                    () -> ((Number) entityManager.createNativeQuery("select count(*) from amends_outbox")
                            .getSingleResult()).longValue()) == 0);
        } finally {
            second.stop(null);
        }
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverPublished() {
        Customer customer = SampleEvents.customer();
        UUID rolledBack = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.record(SampleEvents.creditGranted(rolledBack, customer, new Money(new BigDecimal("5.00"), "EUR")),
                        Instant.now());
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back, and the event with it
        }
        UUID committed = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.record(SampleEvents.creditGranted(committed, customer,
                new Money(new BigDecimal("5.00"), "EUR")), Instant.now()));

        // The customer's later event is out, so the earlier one would be too, had it committed.
        List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(60)).until(
                () -> kafka.records(Topic.RECOVERIES.topicName(), r -> customer.id().equals(r.key())),
                records -> !records.isEmpty());
        assertEquals(List.of(committed.toString()), published.stream().map(r -> KafkaTestClient.header(r, "ce_subject"))
                .toList());
    }
}
