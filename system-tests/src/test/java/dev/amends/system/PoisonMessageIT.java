package dev.amends.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.EventType;
import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SignedIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A poison message on every topic: each consumer of the topic moves it to its own dead-letter topic,
 * and complaints filed right behind it flow through as if it had not been there.
 */
class PoisonMessageIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void aPoisonMessageOnEachTopicGoesToEachConsumersDeadLetterTopicAndTheFlowContinues() {
        RunningPlatform platform = RunningPlatform.onServersOfItsOwn();
        List<String> poisonKeys = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            for (Topic topic : Topic.values()) {
                // Not an Amends event at all, and a known event type whose payload does not parse.
                String notAnEvent = "poison-" + UUID.randomUUID();
                kafka.publishRaw(topic, notAnEvent, "this is not an event", Map.of());
                String brokenPayload = "poison-" + UUID.randomUUID();
                kafka.publishRaw(topic, brokenPayload, "{\"complaintId\": ", Map.of(
                        "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                        "ce_type", readByEveryConsumerOf(topic).ceType(), "ce_source", topic.producer().serviceName(),
                        "content-type", "application/json"));
                poisonKeys.add(notAnEvent);
                poisonKeys.add(brokenPayload);
            }

            ServiceProcess intake = platform.service("intake-service");
            List<String> filed = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                filed.add(Complaints.file(intake, i % 4 == 0 ? "300.00" : "20.00"));
            }
            NothingLostNothingTwice guarantees = new NothingLostNothingTwice(platform);
            Set<String> interrupted = guarantees.awaitEveryCustomerNotified(filed, Duration.ofSeconds(120));
            guarantees.assertExactlyOnce(filed, interrupted);

            for (Topic topic : Topic.values()) {
                for (Service consumer : topic.consumers()) {
                    String deadLetters = topic.deadLetterTopic(consumer);
                    List<String> expected = poisonKeys.subList(2 * topic.ordinal(), 2 * topic.ordinal() + 2);
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                            assertEquals(Set.copyOf(expected), Set.copyOf(kafka.records(deadLetters,
                                    r -> expected.contains(r.key())).stream().map(r -> r.key()).toList()),
                                    deadLetters));
                    kafka.records(deadLetters, r -> expected.contains(r.key())).forEach(r -> assertTrue(
                            KafkaTestClient.header(r, "dead-letter-reason") != null,
                            "the dead letter says why: " + deadLetters));
                }
            }
        }
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheRestOfTheBatchFlows() {
        // Servers of its own: the poison stays off the topics the other system tests read.
        RunningPlatform platform = RunningPlatform.onServersOfItsOwn();
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess recovery = platform.service("recovery-service");
        // With recovery-service away, complaints and the poison between them wait on the topic,
        // and its first polls after the start take them as a few large batches.
        recovery.stop();
        List<String> filed = new ArrayList<>();
        String poison = "poison-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            for (int i = 0; i < 40; i++) {
                filed.add(Complaints.file(intake, i % 4 == 0 ? "300.00" : "20.00"));
                if (i == 20) {
                    kafka.publishRaw(Topic.COMPLAINTS, poison, "{\"complaintId\": ", Map.of(
                            "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                            "ce_type", EventType.COMPLAINT_RECEIVED.ceType(), "ce_source", "intake-service",
                            "content-type", "application/json"));
                }
            }
            recovery.start();
            recovery.awaitReady();

            NothingLostNothingTwice guarantees = new NothingLostNothingTwice(platform);
            Set<String> interrupted = guarantees.awaitEveryCustomerNotified(filed, Duration.ofSeconds(120));
            guarantees.assertExactlyOnce(filed, interrupted);
            String deadLetters = Topic.COMPLAINTS.deadLetterTopic(Service.RECOVERY);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1,
                    kafka.records(deadLetters, r -> poison.equals(r.key())).size(), deadLetters));
        }
    }

    /** A type every consumer of the topic reads, so none can skip the broken record by its type. */
    private static EventType readByEveryConsumerOf(Topic topic) {
        return switch (topic) {
            case COMPLAINTS -> EventType.CUSTOMER_ERASED;
            case RECOVERIES -> EventType.RECOVERY_DECIDED;
            case NOTIFICATIONS -> EventType.CUSTOMER_NOTIFIED;
        };
    }
}
