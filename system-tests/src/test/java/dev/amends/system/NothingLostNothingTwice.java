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
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every fault test proves once the fault is over: each complaint reached its customer exactly
 * once, each make-good the policy granted is in the ledger exactly once, no message reached a
 * customer twice, and every service's record of it says the same.
 */
final class NothingLostNothingTwice {

    private final RunningPlatform platform;

    NothingLostNothingTwice(RunningPlatform platform) {
        this.platform = platform;
    }

    /**
     * Waits until every complaint's customer was told (CUSTOMER_NOTIFIED on its timeline), and returns those whose send a kill cut off
     * mid-exchange: such a message may have reached the customer, so it is parked for a person once
     * its lease runs out, never sent again by itself.
     */
    Set<String> awaitEveryCustomerNotified(Collection<String> filed, Duration within) {
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess notification = platform.service("notification-service");
        Set<String> interrupted = ConcurrentHashMap.newKeySet();
        await().atMost(within).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String id : filed) {
                if (interrupted.contains(id)) {
                    continue;
                }
                // Told is a step on the timeline: an escalated complaint stays ESCALATED after its notice.
                List<String> events = Complaints.timelineEvents(intake, id);
                boolean told = events.contains("CUSTOMER_NOTIFIED");
                if (!told && parkedAsInterrupted(notification, id)) {
                    interrupted.add(id);
                } else {
                    assertTrue(told, id + " " + events);
                }
            }
        });
        return interrupted;
    }

    void assertExactlyOnce(Collection<String> filed, Set<String> interrupted) {
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess recovery = platform.service("recovery-service");
        ServiceProcess notification = platform.service("notification-service");
        ServiceProcess review = platform.service("review-service");
        for (String id : filed) {
            int notified = interrupted.contains(id) ? 0 : 1;
            List<String> events = Complaints.timelineEvents(intake, id);
            assertEquals(1, Collections.frequency(events, "RECOVERY_DECIDED"), id + " " + events);
            assertEquals(notified, Collections.frequency(events, "CUSTOMER_NOTIFIED"), id + " " + events);

            List<Object> sent = given().baseUri(notification.baseUri()).queryParam("complaintId", id)
                    .get("/api/v1/notifications").then().extract().path("findAll { it.status == 'SENT' }");
            assertEquals(notified, sent.size(), "messages sent about " + id);

            JsonPath decision = given().baseUri(recovery.baseUri()).get("/api/v1/recoveries/" + id)
                    .then().statusCode(200).extract().jsonPath();
            int granted = "GRANTED".equals(decision.getString("outcome")) ? decision.getList("makeGoods").size() : 0;
            assertEquals(granted, decision.getList("issued").size(), "ledger entries of " + id);

            JsonPath record = given().baseUri(review.baseUri()).get("/api/v1/case-records/" + id)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(notified, record.getList("facts.findAll { it.kind == 'REPLIED' }").size(),
                    "replies in the case record of " + id);
            assertEquals(granted, record.getList("facts.findAll { it.kind == 'MAKE_GOOD_ISSUED' }").size(),
                    "make-goods in the case record of " + id);
        }

        Map<String, Long> mailsPerMessage = platform.smtp().receivedFor("ada@example.com").stream()
                .map(mail -> LocalSmtp.header(mail, "X-Amends-Message-Id"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertTrue(mailsPerMessage.values().stream().allMatch(count -> count == 1),
                "no message reached the SMTP server twice: " + mailsPerMessage);

        // Not Set.copyOf: records without a subject (poison) ask it about null.
        Set<String> ours = new HashSet<>(filed);
        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            // A relay that dies between Kafka's acknowledgement and its commit publishes a batch again
            // under the same event ids, which consumers skip: what counts is one event id each.
            Map<String, Set<String>> decisions = kafka
                    .records(Topic.RECOVERIES.topicName(), r -> ours.contains(KafkaTestClient.header(r, "ce_subject"))
                            && EventType.RECOVERY_DECIDED.ceType().equals(KafkaTestClient.header(r, "ce_type")))
                    .stream()
                    .collect(Collectors.groupingBy(r -> KafkaTestClient.header(r, "ce_subject"),
                            Collectors.mapping(r -> KafkaTestClient.header(r, "ce_id"), Collectors.toSet())));
            assertEquals(ours, decisions.keySet(), "a decision announced for every complaint");
            decisions.forEach((complaint, ids) -> assertEquals(1, ids.size(), "decisions announced for " + complaint));

            Map<String, Set<String>> messageIdsPerComplaint = kafka
                    .records(Topic.NOTIFICATIONS.topicName(), r -> ours.contains(KafkaTestClient.header(r, "ce_subject")))
                    .stream()
                    .map(r -> (CustomerNotified) EventCodec.fromJson(EventType.CUSTOMER_NOTIFIED, r.value()))
                    .collect(Collectors.groupingBy(n -> n.complaintId().toString(),
                            Collectors.mapping(n -> n.messageId().toString(), Collectors.toSet())));
            assertEquals(filed.size() - interrupted.size(), messageIdsPerComplaint.size());
            messageIdsPerComplaint.forEach((complaint, messageIds) ->
                    assertEquals(1, messageIds.size(), "distinct messages announced for " + complaint));
        }
    }

    private static boolean parkedAsInterrupted(ServiceProcess notification, String complaintId) {
        String reason = given().baseUri(notification.baseUri()).queryParam("complaintId", complaintId)
                .get("/api/v1/notifications").then().extract().path("find { it.status == 'PARKED' }.reason");
        return reason != null && reason.startsWith("Sending was interrupted");
    }
}
