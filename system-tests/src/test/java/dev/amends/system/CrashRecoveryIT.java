package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Topic;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.LocalSmtp;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 while complaints are flowing: every complaint still reaches its customer, and no
 * customer is messaged twice.
 */
class CrashRecoveryIT {

    private static final int COMPLAINTS = 40;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
    }

    @Test
    void killingServicesMidFlowLosesNoComplaintAndSendsNoNotificationTwice() throws Exception {
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess recovery = platform.service("recovery-service");
        ServiceProcess notification = platform.service("notification-service");
        List<String> filed = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> crm = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < COMPLAINTS; i++) {
                filed.add(Complaints.file(intake, i % 4 == 0 ? "300.00" : "20.00"));
                // Paces the CRM so the kills land while complaints are still flowing.
                pause(40);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= COMPLAINTS / 4);
        recovery.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= COMPLAINTS / 2);
        notification.kill();
        recovery.start();
        notification.start();
        crm.get();
        // intake-service dies while the downstream events are still coming back to it.
        intake.kill();
        recovery.awaitReady();
        notification.awaitReady();
        intake.start();
        intake.awaitReady();

        // A message the kill caught in the middle of its SMTP exchange may have reached the customer:
        // it is parked for a person once its lease runs out, never sent again by itself.
        Set<String> interrupted = ConcurrentHashMap.newKeySet();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String id : filed) {
                if (interrupted.contains(id)) {
                    continue;
                }
                String status = given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().extract().path("status");
                if (!"CUSTOMER_NOTIFIED".equals(status) && parkedAsInterrupted(notification, id)) {
                    interrupted.add(id);
                } else {
                    assertEquals("CUSTOMER_NOTIFIED", status, id);
                }
            }
        });
        assertTrue(interrupted.size() <= 1, "one kill interrupts at most one send: " + interrupted);

        for (String id : filed) {
            List<String> events = Complaints.timelineEvents(intake, id);
            assertEquals(1, Collections.frequency(events, "RECOVERY_DECIDED"), id + " " + events);
            assertEquals(interrupted.contains(id) ? 0 : 1, Collections.frequency(events, "CUSTOMER_NOTIFIED"),
                    id + " " + events);
            List<Object> sent = given().baseUri(notification.baseUri()).queryParam("complaintId", id)
                    .get("/api/v1/notifications").then().extract().path("findAll { it.status == 'SENT' }");
            assertEquals(interrupted.contains(id) ? 0 : 1, sent.size(), "messages sent about " + id);
        }
        Map<String, Long> mailsPerMessage = platform.smtp().receivedFor("ada@example.com").stream()
                .map(mail -> LocalSmtp.header(mail, "X-Amends-Message-Id"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertTrue(mailsPerMessage.values().stream().allMatch(count -> count == 1),
                "no message reached the SMTP server twice: " + mailsPerMessage);
        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            Set<String> ours = Set.copyOf(filed);
            Map<String, Set<String>> messageIdsPerComplaint = kafka
                    .records(Topic.NOTIFICATIONS.topicName(), r -> ours.contains(KafkaTestClient.header(r, "ce_subject")))
                    .stream()
                    .map(r -> (CustomerNotified) EventCodec.fromJson(EventType.CUSTOMER_NOTIFIED, r.value()))
                    .collect(Collectors.groupingBy(n -> n.complaintId().toString(),
                            Collectors.mapping(n -> n.messageId().toString(), Collectors.toSet())));
            assertEquals(COMPLAINTS - interrupted.size(), messageIdsPerComplaint.size());
            messageIdsPerComplaint.forEach((complaint, messageIds) ->
                    assertEquals(1, messageIds.size(), "distinct messages announced for " + complaint));
        }
    }

    private static boolean parkedAsInterrupted(ServiceProcess notification, String complaintId) {
        String reason = given().baseUri(notification.baseUri()).queryParam("complaintId", complaintId)
                .get("/api/v1/notifications").then().extract().path("find { it.status == 'PARKED' }.reason");
        return reason != null && reason.startsWith("Sending was interrupted");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
