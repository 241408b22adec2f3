package dev.amends.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.notification.NotificationTestResource;
import dev.amends.notification.message.CustomerMessage;
import dev.amends.notification.message.MessageStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class DeliveryIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aNonUrgentMessageWaitsUntilTheQuietHoursOnTheCustomersOwnClockEnd() {
        // A customer in Tokyo whose quiet hours, on their clock, began an hour ago and end in two.
        Customer customer = SampleEvents.customer(dev.amends.contract.complaint.ContactChannel.EMAIL, "en",
                "Asia/Tokyo");
        ZonedDateTime tokyo = ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).truncatedTo(ChronoUnit.MINUTES);
        given().contentType(ContentType.JSON)
                .body(Map.of("quietFrom", HH_MM.format(tokyo.minusHours(1)), "quietUntil",
                        HH_MM.format(tokyo.plusHours(2)), "changedBy", "crm"))
                .put("/api/v1/customers/{id}/contact-preferences", customer.id()).then().statusCode(200);
        UUID complaintId = UUID.randomUUID();
        MakeGood refund = new MakeGood(MakeGoodKind.REFUND, Money.of("80", "EUR"), "refund");
        kafka.publish(new MakeGoodIssued("acme", complaintId, UUID.randomUUID(), UUID.randomUUID(), customer,
                "Fridge delivered two weeks late", refund, List.of(new LedgerLine(UUID.randomUUID(), refund)),
                AuthorityLevel.SUPERVISOR, "maria.k", null, 1, Instant.now(), 1), UUID.randomUUID());

        Instant quietEnds = tokyo.plusHours(2).toInstant();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", complaintId).get("/api/v1/notifications").then()
                .body("find { it.kind == 'MAKE_GOOD_CONFIRMATION' }.status", equalTo("PENDING"))
                .body("find { it.kind == 'MAKE_GOOD_CONFIRMATION' }.dueAt", equalTo(quietEnds.toString())));
        // The apology that answers a complaint just made is urgent and goes out in quiet hours too.
        kafka.publish(SampleEvents.creditGranted(complaintId, customer, Money.of("5", "EUR"), 1), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", complaintId).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.status", equalTo("SENT"))
                .body("find { it.kind == 'MAKE_GOOD_CONFIRMATION' }.status", equalTo("PENDING")));
    }

    @Test
    void aMessageInterruptedMidSendIsParkedForAPersonAndNeverSentTwice() {
        Customer customer = SampleEvents.customer();
        UUID id = UUID.randomUUID();
        // What an instance killed during the SMTP exchange leaves behind: claimed, lease run out.
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerMessage message = new CustomerMessage();
            message.id = id;
            message.tenant = "acme";
            message.complaintId = UUID.randomUUID();
            message.customerId = customer.id();
            message.kind = dev.amends.contract.notification.MessageKind.APOLOGY;
            message.round = 1;
            message.channel = dev.amends.contract.complaint.ContactChannel.EMAIL;
            message.recipient = SampleEvents.email(customer);
            message.locale = "en";
            message.subject = "About your complaint";
            message.body = "Hello Ada";
            message.urgent = true;
            message.status = MessageStatus.SENDING;
            message.attempts = 1;
            message.claimedUntil = Instant.now().minusSeconds(1);
            message.createdAt = Instant.now();
            message.dueAt = Instant.now();
            message.persist();
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("status", "PARKED")
                .get("/api/v1/notifications").then()
                .body("find { it.id == '" + id + "' }.reason", startsWith("Sending was interrupted")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                .until(() -> NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)).isEmpty());

        // A person checked and sends it again: now it goes, once.
        given().post("/api/v1/notifications/{id}/retry", id).then().statusCode(200).body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)).size() == 1);
        given().post("/api/v1/notifications/{id}/retry", id).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void invalidPreferencesAreRefusedAsAProblemAndChangeNothing() {
        given().contentType(ContentType.JSON).body(Map.of("timeZone", "Mars/Olympus", "changedBy", "crm"))
                .put("/api/v1/customers/{id}/contact-preferences", "CUST-bad").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("quietFrom", "25:00", "quietUntil", "07:00",
                "changedBy", "crm")).put("/api/v1/customers/{id}/contact-preferences", "CUST-bad").then()
                .statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/customers/{id}/contact-preferences", "CUST-bad").then().statusCode(200)
                .body("changedBy", org.hamcrest.Matchers.nullValue())
                .body("quietFrom", equalTo("00:00"));
    }
}
