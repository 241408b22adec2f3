package dev.amends.intake.timeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.amends.contract.Money;
import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.intake.complaint.ComplaintRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class ComplaintProgressIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void recoveryAndNotificationShowOnTheTimelineInLearnOrder() {
        Filed filed = file();
        RecoveryDecided granted = SampleEvents.creditGranted(filed.id, filed.customer, Money.of("39.90", "EUR"));
        kafka.publish(granted, UUID.randomUUID());
        kafka.publish(SampleEvents.issued(granted), UUID.randomUUID());
        kafka.publish(SampleEvents.apologySent(filed.id, filed.customer), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + filed.id)
                .then().statusCode(200)
                .body("status", equalTo("CUSTOMER_NOTIFIED"))
                .body("timeline.event",
                        contains("RECEIVED", "RECOVERY_DECIDED", "MAKE_GOOD_ISSUED", "CUSTOMER_NOTIFIED"))
                .body("timeline.stage", contains("LISTEN", "RESPOND", "RESPOND", "NOTIFY"))
                .body("timeline[2].actor", equalTo("policy"))
                .body("timeline[2].detail", startsWith("ACCOUNT_CREDIT 39.90 EUR: Account credit of 39.90 EUR")));
    }

    @Test
    void statusNeverMovesBackWhenAnEarlierStageArrivesLate() {
        Filed filed = file();
        kafka.publish(SampleEvents.apologySent(filed.id, filed.customer), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + filed.id)
                .then().body("status", equalTo("CUSTOMER_NOTIFIED")));

        kafka.publish(SampleEvents.creditGranted(filed.id, filed.customer, Money.of("39.90", "EUR")),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + filed.id)
                .then().body("timeline.size()", equalTo(3))
                .body("status", equalTo("CUSTOMER_NOTIFIED")));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        Map<String, Object> request = ComplaintRequests.complaint();
        Filed filed = file(request);
        Filed sameCustomerLater = file(request);
        RecoveryDecided decided = SampleEvents.creditGranted(filed.id, filed.customer, Money.of("39.90", "EUR"));
        UUID eventId = UUID.randomUUID();
        kafka.publish(decided, eventId);
        kafka.publish(decided, eventId);
        // A later event with the same key lands behind both copies on the same partition, so once it
        // is applied both copies have been consumed.
        kafka.publish(SampleEvents.creditGranted(sameCustomerLater.id, sameCustomerLater.customer,
                Money.of("5.00", "EUR")), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/complaints/" + sameCustomerLater.id)
                        .then().body("status", equalTo("RECOVERY_DECIDED")));
        given().get("/api/v1/complaints/" + filed.id).then()
                .body("timeline.event", contains("RECEIVED", "RECOVERY_DECIDED"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        Filed filed = file();
        kafka.publishRaw(Topic.RECOVERIES, filed.customer.id(), "{\"complaintId\": not json",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "recovery.decided.v1"));
        kafka.publish(SampleEvents.creditGranted(filed.id, filed.customer, Money.of("39.90", "EUR")),
                UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + filed.id)
                .then().body("status", equalTo("RECOVERY_DECIDED")));
        var dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.RECOVERIES.deadLetterTopic(Service.INTAKE),
                        r -> filed.customer.id().equals(r.key())),
                records -> records.size() == 1);
        assertNotNull(KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
        assertEquals(Topic.RECOVERIES.topicName(), KafkaTestClient.header(dead.get(0), "dead-letter-topic"));
    }

    private static Filed file() {
        return file(ComplaintRequests.complaint());
    }

    private static Filed file(Map<String, Object> request) {
        String id = given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
        Customer customer = SampleEvents.customer(SampleEvents.TENANT, ComplaintRequests.customerId(request), "Ada Lovelace",
                "ada@example.com", null, ContactChannel.EMAIL, "de-DE", "Europe/Berlin");
        return new Filed(UUID.fromString(id), customer);
    }

    private record Filed(UUID id, Customer customer) {
    }
}
