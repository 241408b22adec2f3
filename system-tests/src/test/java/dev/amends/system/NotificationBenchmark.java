package dev.amends.system;

import static org.awaitility.Awaitility.await;

import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.LocalSmtp;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.TestInfrastructure;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * How many messages notification-service renders, checks and sends per second. Not part of the
 * test command; run it with
 * {@code ./mvnw -pl system-tests -am verify -Dit.test=NotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>A backlog of granted recoveries (English and German customers, one to two make-good parts,
 * three fault kinds) is put on the recoveries topic first; then one notification-service starts and
 * works through it. Each message is the full path: inbox, case file, Qute rendering in the
 * customer's language (text and HTML), tone check, promise and follow-up written, dispatcher claim,
 * SMTP to a real server, customer.notified through the outbox to Kafka. The rate is read off the
 * Kafka timestamps of the first and last customer.notified, so start-up is not counted.
 */
class NotificationBenchmark {

    private static final int MESSAGES = Integer.getInteger("amends.bench.messages", 3000);

    @Test
    void messagesRenderedCheckedAndSentPerSecond() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        String database = AmendsTestResource.testDatabase("bench_notification");
        infrastructure.postgres().recreateDatabase(database);
        Map<String, String> environment = new HashMap<>();
        infrastructure.serviceConfig(database).forEach((key, value) ->
                environment.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
        try (LocalSmtp smtp = LocalSmtp.start(0, -1)) {
            environment.put("AMENDS_SMTP_HOST", "127.0.0.1");
            environment.put("AMENDS_SMTP_PORT", String.valueOf(smtp.smtpPort()));
            environment.put("AMENDS_LINK_SECRET", "benchmark-only");
            environment.put("AMENDS_NOTIFICATION_QUIET_HOURS_FROM", "00:00");
            environment.put("AMENDS_NOTIFICATION_QUIET_HOURS_UNTIL", "00:00");
            String bench = "bench-" + UUID.randomUUID();
            Predicate<ConsumerRecord<String, String>> ours = r -> bench.equals(KafkaTestClient.header(r, "ce_tenant"))
                    && EventType.CUSTOMER_NOTIFIED.ceType().equals(KafkaTestClient.header(r, "ce_type"));

            KafkaTestClient kafka = infrastructure.kafka();
            Random random = new Random(7);
            for (int i = 0; i < MESSAGES; i++) {
                kafka.publish(granted(bench, random), UUID.randomUUID());
            }
            ServiceProcess notification = new ServiceProcess("notification-service", "benchmark",
                    Path.of("..").toAbsolutePath().normalize(), RunningPlatform.freePort(), environment);
            try {
                notification.start();
                List<ConsumerRecord<String, String>> notified = await().atMost(Duration.ofMinutes(15))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> kafka.records(EventType.CUSTOMER_NOTIFIED.topic().topicName(), ours),
                                records -> records.size() >= MESSAGES);
                long first = notified.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
                long last = notified.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
                double seconds = (last - first) / 1000.0;
                System.out.printf("sent: %d messages (%d received by the SMTP server) in %.1f s: %.0f messages/s "
                        + "rendered, checked and sent%n", notified.size(), smtp.receivedCount(), seconds,
                        (notified.size() - 1) / seconds);
            } finally {
                notification.stop();
            }
        }
    }

    private static RecoveryDecided granted(String tenant, Random random) {
        boolean german = random.nextInt(3) == 0;
        Customer customer = SampleEvents.customer(tenant, "CUST-" + UUID.randomUUID(),
                german ? "Grete Weber" : "Grace Hopper", "customer" + random.nextInt(1000) + "@example.com", null,
                ContactChannel.EMAIL, german ? "de-DE" : "en-GB", german ? "Europe/Berlin" : "Europe/Dublin");
        Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
        List<ApologyPart> apology = fault == Fault.COMPANY ? List.of(ApologyPart.values())
                : List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION, ApologyPart.REPENTANCE);
        MakeGood credit = new MakeGood(MakeGoodKind.ACCOUNT_CREDIT,
                new Money(BigDecimal.valueOf(500 + random.nextInt(4500), 2), "EUR"), "credit");
        List<MakeGood> parts = random.nextBoolean() ? List.of(credit)
                : List.of(credit, new MakeGood(MakeGoodKind.EXPEDITE, new Money(BigDecimal.ZERO, "EUR"), "expedite"));
        return new RecoveryDecided(tenant, UUID.randomUUID(), UUID.randomUUID(), customer,
                "The parcel came a week late and the box was crushed", RecoveryOutcome.GRANTED, fault, apology, credit,
                AuthorityLevel.AUTOMATIC, null, List.of("benchmark mix"), Instant.now(), 1, parts, 1, false,
                SampleEvents.SPECIFICS);
    }
}
