package dev.amends.notification.message;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.Topic;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.notification.NotificationTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class ApologiesIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aDecidedRecoveryIsSentAsAnApologyAndAnnounced() {
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), SampleEvents.customer(),
                Money.of("39.90", "EUR"));
        kafka.publish(decided, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications")
                        .then().statusCode(200)
                        .body("findAll { it.kind == 'APOLOGY' }", hasSize(1))
                        .body("find { it.kind == 'APOLOGY' }.status", equalTo("SENT"))
                        .body("find { it.kind == 'APOLOGY' }.channel", equalTo("EMAIL"))
                        .body("find { it.kind == 'APOLOGY' }.recipient", equalTo(SampleEvents.email(decided.customer())))
                        .body("find { it.kind == 'APOLOGY' }.body", containsString("an account credit of €39.90")));

        var announced = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.NOTIFICATIONS.topicName(), r -> decided.customerId().equals(r.key())
                        && r.value().contains("\"APOLOGY\"")),
                records -> records.size() == 1).get(0);
        CustomerNotified notified = (CustomerNotified) EventCodec.fromJson(EventType.CUSTOMER_NOTIFIED,
                announced.value());
        assertEquals(decided.complaintId(), notified.complaintId());
        assertEquals(MessageKind.APOLOGY, notified.kind());
    }

    @Test
    void aRedeliveredDecisionNeverMessagesTheCustomerTwice() {
        var customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("10", "EUR"));
        UUID eventId = UUID.randomUUID();
        kafka.publish(decided, eventId);
        kafka.publish(decided, eventId);
        // The same decision under a new event id, as a replay from the dead-letter topic would bring it.
        kafka.publish(decided, UUID.randomUUID());
        RecoveryDecided another = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("11", "EUR"));
        kafka.publish(another, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("complaintId", another.complaintId()).get("/api/v1/notifications")
                        .then().body("findAll { it.kind == 'APOLOGY' && it.status == 'SENT' }", hasSize(1)));
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications")
                .then().body("findAll { it.kind == 'APOLOGY' }", hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2, kafka.records(
                Topic.NOTIFICATIONS.topicName(),
                r -> customer.id().equals(r.key()) && r.value().contains("\"APOLOGY\"")).size()));
        assertEquals(2, NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)).stream()
                .filter(m -> subject(m).startsWith("About your complaint")).count());
    }

    @Test
    void aSecondRoundAfterAReopeningIsSentAgainAndSaysWeDidNotFixItTheFirstTime() {
        var customer = SampleEvents.customer();
        UUID complaintId = UUID.randomUUID();
        kafka.publish(SampleEvents.creditGranted(complaintId, customer, Money.of("10", "EUR"), 1), UUID.randomUUID());
        kafka.publish(SampleEvents.creditGranted(complaintId, customer, Money.of("10", "EUR"), 2), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("complaintId", complaintId).get("/api/v1/notifications")
                        .then().body("findAll { it.kind == 'APOLOGY' }.round", contains(1, 2))
                        .body("find { it.kind == 'APOLOGY' && it.round == 2 }.body",
                                containsString("We did not fix it the first time")));
    }

    @Test
    void listingMessagesWithoutAValidComplaintIdIsRefusedAsAProblem() {
        given().get("/api/v1/notifications")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("complaintId or status is required"));
        given().queryParam("complaintId", "not-a-uuid").get("/api/v1/notifications")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("complaintId must be a UUID"));
    }

    @Test
    void messagesSentAreCountedByKindAndChannel() {
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), SampleEvents.customer(),
                Money.of("9.90", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("amends_messages_sent_total{channel=\"EMAIL\",kind=\"APOLOGY\"}")));
    }


    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
