package dev.amends.notification.message;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.devkit.Tokens;
import dev.amends.notification.Mails;
import dev.amends.notification.NotificationTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the customer hears after a person, or a missed deadline, moved their escalation. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class EscalationMessagesIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final String SUMMARY = "Fridge delivered two weeks late";
    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void eachMissedDeadlineIsToldOnceWithTheNewDate() {
        Customer customer = SampleEvents.customer();
        UUID complaintId = UUID.randomUUID();
        UUID escalationId = UUID.randomUUID();
        EscalationExpired first = expired(complaintId, customer, escalationId, AuthorityLevel.SUPERVISOR, 1);
        UUID eventId = UUID.randomUUID();
        kafka.publish(first, eventId);
        kafka.publish(first, eventId);
        kafka.publish(expired(complaintId, customer, escalationId, AuthorityLevel.MANAGER, 2), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("complaintId", complaintId.toString()).get("/api/v1/notifications")
                        .then().statusCode(200)
                        .body("kind", contains("ESCALATION_UPDATE", "ESCALATION_UPDATE"))
                        .body("[0].body", containsString("A more senior colleague has taken it over"))
                        .body("[1].body", containsString("We have moved it to the top of the list")));
    }

    @Test
    void aMakeGoodAPersonGrantedIsConfirmedButOneGrantedAtOnceIsNotSentTwice() {
        Customer customer = SampleEvents.customer();
        UUID complaintId = UUID.randomUUID();
        MakeGood refund = new MakeGood(MakeGoodKind.REFUND, Money.of("80", "EUR"), "a full refund (80.00 EUR)");
        kafka.publish(issued(complaintId, customer, refund, null), UUID.randomUUID());
        kafka.publish(issued(complaintId, customer, refund, UUID.randomUUID()), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("complaintId", complaintId.toString()).get("/api/v1/notifications")
                        .then().statusCode(200)
                        .body("findAll { it.kind == 'MAKE_GOOD_CONFIRMATION' }", hasSize(1))
                        .body("find { it.kind == 'MAKE_GOOD_CONFIRMATION' }.body",
                                containsString("We have given you a refund of €80.00."))
                        .body("find { it.kind == 'MAKE_GOOD_CONFIRMATION' }.body",
                                containsString("You will see it by")));
    }

    @Test
    void aDeclinedMakeGoodStillReachesTheCustomerWithTheReason() {
        Customer customer = SampleEvents.customer();
        UUID complaintId = UUID.randomUUID();
        kafka.publish(new EscalationDeclined("acme", complaintId, UUID.randomUUID(), UUID.randomUUID(), customer,
                SUMMARY, AuthorityLevel.SUPERVISOR, "maria.k", "The delivery was rebooked for the day you chose.",
                Fault.CUSTOMER, List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION), now(), 1), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("complaintId", complaintId.toString()).get("/api/v1/notifications")
                        .then().statusCode(200)
                        .body("kind", contains("ESCALATION_DECLINED"))
                        .body("[0].body", containsString("The delivery was rebooked for the day you chose."))
                        .body("[0].body", containsString("we are disappointed too")));
    }

    @Test
    void anAnswerThatLecturesTheCustomerIsHeldForAPersonAndNotSent() {
        Customer customer = SampleEvents.customer();
        UUID complaintId = UUID.randomUUID();
        kafka.publish(new EscalationDeclined("acme", complaintId, UUID.randomUUID(), UUID.randomUUID(), customer,
                SUMMARY, AuthorityLevel.SUPERVISOR, "sam.t", "As stated in our policy, the delivery fee is not refundable.",
                Fault.CUSTOMER, List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION), now(), 1), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("complaintId", complaintId.toString()).get("/api/v1/notifications")
                        .then().statusCode(200)
                        .body("status", contains("HELD"))
                        .body("[0].sentAt", nullValue())
                        .body("[0].reason", containsString("\"As stated in our policy\" breaks rule 3 (BLAME)")));
        assertTrue(kafka.records(Topic.NOTIFICATIONS.topicName(),
                r -> complaintId.toString().equals(KafkaTestClient.header(r, "ce_subject"))).isEmpty());

        // A supervisor rewrites it from the view, where its signed links are withheld, and releases it.
        var held = given().queryParam("complaintId", complaintId.toString()).get("/api/v1/notifications")
                .then().extract().jsonPath();
        String edited = held.getString("[0].body").replace("As stated in our policy, the delivery fee",
                "The delivery fee");
        given().header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "kim.o", "supervisor"))
                .contentType("application/json").body(Map.of("releasedBy", "the.ceo", "body", edited))
                .post("/api/v1/notifications/{id}/release", held.getString("[0].id"))
                .then().statusCode(200)
                .body("reason", equalTo("(typed name: the.ceo) Released by kim.o"));
        String sent = await().atMost(Duration.ofSeconds(30)).until(() -> NotificationTestResource.smtp()
                .receivedFor(SampleEvents.email(customer)), mails -> !mails.isEmpty()).stream().map(Mails::text)
                .findFirst().orElseThrow();
        assertTrue(sent.contains("The delivery fee"), sent);
        assertFalse(sent.contains(MessageView.WITHHELD), "the released message lost its unsubscribe link");
        assertTrue(sent.matches("(?s).*/api/v1/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+.*"), sent);
    }

    private static EscalationExpired expired(UUID complaintId, Customer customer, UUID escalationId,
            AuthorityLevel missed, int expiries) {
        return new EscalationExpired("acme", complaintId, UUID.randomUUID(), customer, SUMMARY, missed,
                missed == AuthorityLevel.SUPERVISOR ? "supervisors" : "customer-care-managers",
                now().minus(1, ChronoUnit.MINUTES),
                new Escalation(AuthorityLevel.MANAGER, "customer-care-managers", now().plus(2, ChronoUnit.DAYS), null,
                        escalationId, null),
                expiries, now(), 1);
    }

    private static MakeGoodIssued issued(UUID complaintId, Customer customer, MakeGood makeGood, UUID escalationId) {
        return new MakeGoodIssued("acme", complaintId, UUID.randomUUID(), escalationId, customer, SUMMARY, makeGood,
                List.of(new LedgerLine(UUID.randomUUID(), makeGood)),
                escalationId == null ? AuthorityLevel.AUTOMATIC : AuthorityLevel.SUPERVISOR,
                escalationId == null ? "policy" : "maria.k", null, 1, now(), 1);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
