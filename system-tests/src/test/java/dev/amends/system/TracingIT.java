package dev.amends.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.EventType;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SignedIn;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One complaint is one trace: the CRM's trace id comes back on every event of its lifecycle. */
class TracingIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void theCrmsTraceIdIsCarriedOnEveryEventFromIntakeThroughRecoveryToNotification() {
        RunningPlatform platform = RunningPlatform.shared();
        Random random = new Random();
        String traceId = HexFormat.of().formatHex(bytes(random, 16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(bytes(random, 8)) + "-01";

        String id = Complaints.file(platform.service("intake-service"), "80.00", Map.of("traceparent", traceparent));

        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            for (EventType type : List.of(EventType.COMPLAINT_RECEIVED, EventType.RECOVERY_DECIDED,
                    EventType.RECOVERY_ESCALATED, EventType.CUSTOMER_NOTIFIED)) {
                ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> kafka.records(type.topic().topicName(),
                                        r -> id.equals(KafkaTestClient.header(r, "ce_subject"))
                                                && type.ceType().equals(KafkaTestClient.header(r, "ce_type"))),
                                records -> records.size() == 1)
                        .get(0);
                String carried = KafkaTestClient.header(record, "traceparent");
                assertEquals(traceId, carried == null ? null : carried.split("-")[1], type.ceType());
            }
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
