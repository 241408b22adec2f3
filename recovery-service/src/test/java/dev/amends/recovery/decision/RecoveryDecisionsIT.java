package dev.amends.recovery.decision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class RecoveryDecisionsIT {

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aComplaintWithinAuthorityIsMadeGoodAtOnceAndAnnounced() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("39.90", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/complaints/" + complaint.complaintId() + "/recovery")
                        .then().statusCode(200)
                        .body("outcome", equalTo("GRANTED"))
                        .body("makeGood.amount", equalTo("39.90"))
                        .body("authority", equalTo("AUTOMATIC")));

        var announced = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.RECOVERIES.topicName(), r -> complaint.customerId().equals(r.key())),
                records -> records.size() == 1).get(0);
        assertEquals("recovery.decided.v1", KafkaTestClient.header(announced, "ce_type"));
        RecoveryDecided decided = (RecoveryDecided) EventCodec.fromJson(EventType.RECOVERY_DECIDED, announced.value());
        assertEquals(complaint.complaintId(), decided.complaintId());
        assertEquals(Money.of("39.90", "EUR"), decided.makeGood().value());
        assertEquals(complaint.customer(), decided.customer());
    }

    @Test
    void aComplaintAboveAuthorityIsEscalatedToANamedOwnerWithADeadline() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("400", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/complaints/" + complaint.complaintId() + "/recovery")
                        .then().statusCode(200)
                        .body("outcome", equalTo("ESCALATED"))
                        .body("escalation.owner", equalTo("supervisors"))
                        .body("escalation.dueAt", notNullValue()));
    }

    @Test
    void aRedeliveredComplaintIsDecidedAndAnnouncedOnce() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("12", "EUR"));
        UUID eventId = UUID.randomUUID();
        kafka.publish(complaint, eventId);
        kafka.publish(complaint, eventId);
        ComplaintReceived later = SampleEvents.complaintReceived(complaint.customer(), Money.of("5", "EUR"));
        kafka.publish(later, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.RECOVERIES.topicName(), r -> complaint.customerId().equals(r.key())),
                records -> records.size() == 2);
        long decisions = QuarkusTransaction.requiringNew().call(
                () -> Recovery.count("complaintId", complaint.complaintId()));
        assertEquals(1, decisions);
    }

    @Test
    void anUnreadableComplaintGoesToTheDeadLetterTopicAndTheNextOneIsStillDecided() {
        var customer = SampleEvents.customer();
        kafka.publishRaw(Topic.COMPLAINTS, customer.id(), "{\"complaintId\": 42",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "complaint.received.v1"));
        ComplaintReceived next = SampleEvents.complaintReceived(customer, Money.of("20", "EUR"));
        kafka.publish(next, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/complaints/" + next.complaintId() + "/recovery").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.COMPLAINTS.deadLetterTopic(Service.RECOVERY),
                        r -> customer.id().equals(r.key())),
                records -> records.size() == 1);
    }

    @Test
    void aReopenedComplaintIsDecidedAgainByAPersonWithItsHistoryInView() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("20", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/complaints/" + complaint.complaintId() + "/recovery")
                        .then().statusCode(200).body("outcome", equalTo("GRANTED")));

        UUID reopenId = UUID.randomUUID();
        kafka.publish(SampleEvents.reopened(complaint, 2), reopenId);
        kafka.publish(SampleEvents.reopened(complaint, 2), reopenId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/complaints/" + complaint.complaintId() + "/recovery")
                        .then().statusCode(200)
                        .body("round", equalTo(2))
                        .body("outcome", equalTo("ESCALATED"))
                        .body("escalation.owner", equalTo("supervisors"))
                        .body("rationale", hasItems(containsString("The credit never showed up"),
                                containsString("Earlier: round 1"))));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.RECOVERIES.topicName(), r -> complaint.customerId().equals(r.key())),
                records -> records.size() == 2);
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(
                () -> Recovery.count("complaintId", complaint.complaintId())));
    }

    @Test
    void anUndecidedComplaintIsA404Problem() {
        given().get("/api/v1/complaints/" + UUID.randomUUID() + "/recovery")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
