package dev.amends.intake.timeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.notification.FeedbackReceived;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class ReopeningIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aReopenedComplaintStartsANewRoundAndAnnouncesItWithTheReason() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String id = given().contentType(ContentType.JSON).body(request)
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        Customer customer = SampleEvents.customer(SampleEvents.TENANT, ComplaintRequests.customerId(request), "Ada Lovelace",
                "ada@example.com", null, ContactChannel.EMAIL, "de-DE", "Europe/Berlin");
        UUID complaintId = UUID.fromString(id);
        RecoveryDecided granted = SampleEvents.creditGranted(complaintId, customer, Money.of("39.90", "EUR"));
        kafka.publish(granted, UUID.randomUUID());
        kafka.publish(SampleEvents.issued(granted), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + id)
                .then().body("status", equalTo("RECOVERY_DECIDED")));

        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "The credit never showed up on my account.", "requestedBy", "customer"))
                .post("/api/v1/complaints/" + id + "/reopen")
                .then().statusCode(200)
                .body("status", equalTo("REOPENED"))
                .body("round", equalTo(2));

        var announced = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.COMPLAINTS.topicName(),
                        r -> "complaint.reopened.v1".equals(KafkaTestClient.header(r, "ce_type"))
                                && id.equals(KafkaTestClient.header(r, "ce_subject"))),
                records -> records.size() == 1).get(0);
        ComplaintReopened reopened = (ComplaintReopened) EventCodec.fromJson(EventType.COMPLAINT_REOPENED,
                announced.value());
        assertEquals(2, reopened.round());
        assertEquals("The credit never showed up on my account.", reopened.reason());
        assertFalse(announced.value().contains("Kühlschrank"), "the customer's story stays with intake");

        // A late notification of round 1 goes on the timeline but does not undo the reopening.
        kafka.publish(SampleEvents.apologySent(complaintId, customer, 1), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + id)
                .then().body("timeline.event", contains("RECEIVED", "RECOVERY_DECIDED", "MAKE_GOOD_ISSUED",
                        "REOPENED", "CUSTOMER_NOTIFIED"))
                .body("status", equalTo("REOPENED")));

        kafka.publish(SampleEvents.creditGranted(complaintId, customer, Money.of("39.90", "EUR"), 2),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + id)
                .then().body("status", equalTo("RECOVERY_DECIDED")));
    }

    @Test
    void theCustomersNotFixedAnswerToTheFollowUpReopensTheComplaintAndAYesResolvesIt() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String id = given().contentType(ContentType.JSON).body(request)
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        Customer customer = SampleEvents.customer(SampleEvents.TENANT, ComplaintRequests.customerId(request), "Ada Lovelace",
                "ada@example.com", null, ContactChannel.EMAIL, "en", "Europe/London");
        UUID complaintId = UUID.fromString(id);
        kafka.publish(SampleEvents.creditGranted(complaintId, customer, Money.of("39.90", "EUR")), UUID.randomUUID());
        kafka.publish(SampleEvents.apologySent(complaintId, customer, 1), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + id)
                .then().body("status", equalTo("CUSTOMER_NOTIFIED")));

        UUID eventId = UUID.randomUUID();
        FeedbackReceived notFixed = new FeedbackReceived("acme", complaintId, customer.id(), 1, false,
                UUID.randomUUID(), ContactChannel.EMAIL, Instant.now());
        kafka.publish(notFixed, eventId);
        kafka.publish(notFixed, eventId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + id)
                .then().body("status", equalTo("REOPENED")).body("round", equalTo(2))
                .body("timeline.event", hasItems("FEEDBACK_RECEIVED", "REOPENED")));
        var reopened = await().atMost(Duration.ofSeconds(30)).until(() -> kafka.records(Topic.COMPLAINTS.topicName(),
                r -> "complaint.reopened.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && id.equals(KafkaTestClient.header(r, "ce_subject"))), records -> records.size() == 1).get(0);
        assertEquals("The customer answered the follow-up: not fixed yet.",
                ((ComplaintReopened) EventCodec.fromJson(EventType.COMPLAINT_REOPENED, reopened.value())).reason());

        kafka.publish(SampleEvents.creditGranted(complaintId, customer, Money.of("39.90", "EUR"), 2),
                UUID.randomUUID());
        kafka.publish(SampleEvents.apologySent(complaintId, customer, 2), UUID.randomUUID());
        kafka.publish(new FeedbackReceived("acme", complaintId, customer.id(), 2, true, UUID.randomUUID(),
                ContactChannel.SMS, Instant.now()), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/complaints/" + id)
                .then().body("status", equalTo("RESOLVED")).body("round", equalTo(2)));
    }

    @Test
    void aComplaintWhoseRecoveryIsStillBeingDecidedCannotBeReopened() {
        String id = given().contentType(ContentType.JSON).body(ComplaintRequests.complaint())
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "Still broken", "requestedBy", "customer"))
                .post("/api/v1/complaints/" + id + "/reopen")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:conflict"));
        given().get("/api/v1/complaints/" + id).then().body("status", equalTo("RECEIVED")).body("round", equalTo(1));
    }

    @Test
    void reopeningWithoutAReasonIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("requestedBy", "customer"))
                .post("/api/v1/complaints/" + UUID.randomUUID() + "/reopen")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
    }
}
