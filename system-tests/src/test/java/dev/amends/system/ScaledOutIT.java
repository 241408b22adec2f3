package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.EventType;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.LocalSmtp;
import dev.amends.devkit.SignedIn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of intake, recovery and notification: each pair shares one outbox and one consumer
 * group, and every event is still published exactly once, every make-good written to the ledger once.
 */
class ScaledOutIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final int COMPLAINTS = 20;
    private static RunningPlatform platform;
    private static final List<ServiceProcess> extraInstances = new ArrayList<>();

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        extraInstances.add(platform.anotherInstanceOf("intake-service"));
        extraInstances.add(platform.anotherInstanceOf("notification-service"));
        extraInstances.add(platform.anotherInstanceOf("recovery-service"));
    }

    @AfterAll
    static void stopExtraInstances() {
        extraInstances.forEach(ServiceProcess::stop);
    }

    @Test
    void twoInstancesSharingAnOutboxPublishEveryEventExactlyOnce() {
        List<ServiceProcess> intakes = List.of(platform.service("intake-service"), extraInstances.get(0));
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            filed.add(Complaints.file(intakes.get(i % 2), "25.00"));
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : filed) {
                assertEquals("CUSTOMER_NOTIFIED", given().baseUri(intakes.get(0).baseUri())
                        .get("/api/v1/complaints/" + id).then().extract().path("status"), id);
            }
        });

        Set<String> ours = Set.copyOf(filed);
        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            for (var stream : List.of(EventType.COMPLAINT_RECEIVED, EventType.RECOVERY_DECIDED,
                    EventType.MAKE_GOOD_ISSUED, EventType.CUSTOMER_NOTIFIED)) {
                String topic = stream.topic().topicName() + " " + stream.ceType();
                Map<String, Long> perComplaint = kafka
                        .records(stream.topic().topicName(), r -> ours.contains(KafkaTestClient.header(r, "ce_subject"))
                                && stream.ceType().equals(KafkaTestClient.header(r, "ce_type")))
                        .stream()
                        .collect(Collectors.groupingBy(r -> KafkaTestClient.header(r, "ce_subject"),
                                Collectors.counting()));
                assertEquals(ours, perComplaint.keySet(), topic);
                assertEquals(Map.of(1L, (long) COMPLAINTS), perComplaint.values().stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())),
                        topic + ": records per complaint");
            }
        }
        for (String id : filed) {
            given().baseUri(extraInstances.get(2).baseUri()).get("/api/v1/recoveries/" + id)
                    .then().statusCode(200).body("issued", hasSize(1));
        }
    }

    @Test
    void aDueFollowUpIsSentOnceWhenTwoInstancesShareTheSchedule() throws Exception {
        ServiceProcess intake = platform.service("intake-service");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            filed.add(Complaints.file(intake, "25.00"));
        }
        List<ServiceProcess> notifications = List.of(platform.service("notification-service"), extraInstances.get(1));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Connection db = platform.database("notification-service");
                    PreparedStatement scheduled = db.prepareStatement(
                            "select count(*) from scheduled_follow_up where complaint_id = any(?)")) {
                scheduled.setArray(1, db.createArrayOf("uuid", filed.stream().map(UUID::fromString).toArray()));
                try (ResultSet rows = scheduled.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) == filed.size();
                }
            }
        });

        // Three days pass: every follow-up falls due at once, and both instances want to write and send them.
        try (Connection db = platform.database("notification-service");
                PreparedStatement due = db.prepareStatement(
                        "update scheduled_follow_up set due_at = now() where complaint_id = ?")) {
            for (String id : filed) {
                due.setObject(1, UUID.fromString(id));
                due.addBatch();
            }
            due.executeBatch();
        }

        Set<String> followUps = new HashSet<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : filed) {
                assertEquals("SENT", given().baseUri(notifications.get(1).baseUri()).queryParam("complaintId", id)
                        .get("/api/v1/notifications").then().extract().path("find { it.kind == 'FOLLOW_UP' }.status"));
            }
        });
        for (String id : filed) {
            followUps.add(given().baseUri(notifications.get(0).baseUri()).queryParam("complaintId", id)
                    .get("/api/v1/notifications").then().extract().path("find { it.kind == 'FOLLOW_UP' }.id"));
        }
        Map<String, Long> mailsPerFollowUp = platform.smtp().receivedFor("ada@example.com").stream()
                .map(mail -> LocalSmtp.header(mail, "X-Amends-Message-Id")).filter(followUps::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(followUps, mailsPerFollowUp.keySet());
        assertTrue(mailsPerFollowUp.values().stream().allMatch(count -> count == 1), mailsPerFollowUp.toString());
    }
}
