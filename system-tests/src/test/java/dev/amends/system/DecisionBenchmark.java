package dev.amends.system;

import static org.awaitility.Awaitility.await;

import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Triage;
import dev.amends.contract.recovery.Fault;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.TestInfrastructure;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * How many recoveries recovery-service decides per second through Kafka. Not part of the test
 * command (failsafe runs *IT only); run it with
 * {@code ./mvnw -pl system-tests -am verify -Dit.test=DecisionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>A backlog of complaints (a realistic mix: categories, severities, amounts within and above
 * authority, one in five from a repeat customer) is put on the complaints topic first; then one
 * recovery-service starts and works through it, and the rate is read off the Kafka timestamps of
 * the first and last recovery.decided, so start-up time is not counted. Each decision is the full
 * path: inbox, policy, ledger or escalation, outbox, relay to Kafka with acks=all.
 */
class DecisionBenchmark {

    private static final int COMPLAINTS = Integer.getInteger("amends.bench.complaints", 5000);
    private static final ComplaintCategory[] CATEGORIES = ComplaintCategory.values();
    private static final Severity[] SEVERITIES = Severity.values();

    @Test
    void decisionsPerSecondThroughKafka() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        String database = AmendsTestResource.testDatabase("bench_recovery");
        infrastructure.postgres().recreateDatabase(database);
        Map<String, String> environment = new HashMap<>();
        infrastructure.serviceConfig(database).forEach((key, value) ->
                environment.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
        String bench = "bench-" + UUID.randomUUID();
        Predicate<ConsumerRecord<String, String>> ours = r -> bench.equals(KafkaTestClient.header(r, "ce_tenant"));

        KafkaTestClient kafka = infrastructure.kafka();
        Random random = new Random(42);
        List<Customer> regulars = new ArrayList<>();
        long publishStart = System.nanoTime();
        for (int i = 0; i < COMPLAINTS; i++) {
            kafka.publish(complaint(bench, random, regulars), UUID.randomUUID());
        }
        System.out.printf("backlog: %d complaints published in %.1f s%n", COMPLAINTS,
                (System.nanoTime() - publishStart) / 1e9);

        ServiceProcess recovery = new ServiceProcess("recovery-service", "benchmark",
                Path.of("..").toAbsolutePath().normalize(), RunningPlatform.freePort(), environment);
        try {
            recovery.start();
            List<ConsumerRecord<String, String>> decided = await().atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> kafka.records(EventType.RECOVERY_DECIDED.topic().topicName(), ours.and(
                                    r -> EventType.RECOVERY_DECIDED.ceType().equals(KafkaTestClient.header(r, "ce_type")))),
                            records -> records.size() >= COMPLAINTS);
            long first = decided.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
            long last = decided.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
            List<ConsumerRecord<String, String>> issued = kafka.records(EventType.MAKE_GOOD_ISSUED.topic().topicName(),
                    ours.and(r -> EventType.MAKE_GOOD_ISSUED.ceType().equals(KafkaTestClient.header(r, "ce_type"))));
            double seconds = (last - first) / 1000.0;
            System.out.printf("decided: %d recoveries (%d make-goods issued at once, %d escalated) in %.1f s: "
                            + "%.0f decisions/s through Kafka%n", decided.size(), issued.size(),
                    decided.size() - issued.size(), seconds, (decided.size() - 1) / seconds);
        } finally {
            recovery.stop();
        }
    }

    private static ComplaintReceived complaint(String tenant, Random random, List<Customer> regulars) {
        Customer customer;
        if (!regulars.isEmpty() && random.nextInt(5) == 0) {
            customer = regulars.get(random.nextInt(regulars.size()));
        } else {
            customer = SampleEvents.customer(tenant, "CUST-" + UUID.randomUUID(), "Grace Hopper", "grace@example.com",
                    null, ContactChannel.EMAIL, "en", "Europe/Dublin");
            if (regulars.size() < 500) {
                regulars.add(customer);
            }
        }
        int band = random.nextInt(10);
        long cents = band < 7 ? 500 + random.nextInt(4500) : band < 9 ? 5000 + random.nextInt(20000)
                : 25000 + random.nextInt(75000);
        Severity severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new ComplaintReceived(tenant, UUID.randomUUID(), customer, ContactChannel.EMAIL,
                CATEGORIES[random.nextInt(CATEGORIES.length)], "Order arrived late and damaged", "ORD-" + random.nextInt(99999),
                new Money(BigDecimal.valueOf(cents, 2), "EUR"),
                now.minus(2, ChronoUnit.DAYS), "BENCH",
                new Triage(severity, random.nextInt(10) == 0, List.of("delivery"), List.of("benchmark mix")), now,
                random.nextInt(4) == 0 ? Fault.COMPANY : Fault.UNKNOWN, SampleEvents.SPECIFICS);
    }
}
