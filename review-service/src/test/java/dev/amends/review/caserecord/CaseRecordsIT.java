package dev.amends.review.caserecord;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.Money;
import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class CaseRecordsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aComplaintAndItsRecoveryMakeOneCaseRecord() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("39.90", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        kafka.publish(SampleEvents.creditGranted(complaint.complaintId(), complaint.customer(), Money.of("39.90", "EUR")),
                UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId())
                        .then().statusCode(200)
                        .body("orderReference", equalTo("ORD-2026-118"))
                        .body("category", equalTo("DELIVERY"))
                        .body("recoveryOutcome", equalTo("GRANTED"))
                        .body("makeGood.amount", equalTo("39.90"))
                        .body("$", not(hasKey("customerEmail"))));
    }

    @Test
    void aRecoveryThatArrivesBeforeItsComplaintStillCompletesTheRecord() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("15", "EUR"));
        kafka.publish(SampleEvents.creditGranted(complaint.complaintId(), complaint.customer(), Money.of("15", "EUR")),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId())
                        .then().statusCode(200).body("recoveryOutcome", equalTo("GRANTED")));

        kafka.publish(complaint, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId())
                        .then().body("orderReference", equalTo("ORD-2026-118"))
                        .body("recoveryOutcome", equalTo("GRANTED")));
    }

    @Test
    void whatWeDidIsRecordedOnceAsFactsHoweverOftenItsEventsArrive() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("20", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        MakeGoodIssued issued = SampleEvents.issued(SampleEvents.creditGranted(complaint.complaintId(),
                complaint.customer(), Money.of("20", "EUR")));
        CustomerNotified apology = SampleEvents.apologySent(complaint.complaintId(), complaint.customer());
        UUID apologyEvent = UUID.randomUUID();
        kafka.publish(issued, UUID.randomUUID());
        kafka.publish(issued, UUID.randomUUID());
        kafka.publish(apology, apologyEvent);
        kafka.publish(apology, apologyEvent);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId()).then()
                        .body("facts.kind", containsInAnyOrder("MAKE_GOOD_ISSUED", "REPLIED"))
                        .body("facts.find { it.kind == 'REPLIED' }.id", equalTo(apology.messageId().toString()))
                        .body("facts.find { it.kind == 'REPLIED' }.detail", equalTo("APOLOGY")));
    }

    @Test
    void anUnreadableNotificationGoesToTheDeadLetterTopicAndTheFlowGoesOn() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("20", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        kafka.publishRaw(Topic.NOTIFICATIONS, complaint.customer().id(), "{\"complaintId\": nope",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "customer.notified.v1"));
        kafka.publish(SampleEvents.apologySent(complaint.complaintId(), complaint.customer()), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId()).then().body("facts", hasSize(1)));
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.NOTIFICATIONS.deadLetterTopic(Service.REVIEW),
                        r -> complaint.customer().id().equals(r.key())),
                records -> records.size() == 1);
        assertEquals(Topic.NOTIFICATIONS.topicName(), KafkaTestClient.header(dead.get(0), "dead-letter-topic"));
    }

    @Test
    void anUnknownCaseIsA404Problem() {
        given().get("/api/v1/case-records/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
