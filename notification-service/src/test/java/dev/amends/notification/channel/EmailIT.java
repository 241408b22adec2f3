package dev.amends.notification.channel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.notification.Mails;
import dev.amends.notification.NotificationTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class EmailIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void theApologyArrivesOverSmtpWithTextAndHtmlPartsAndAnUnsubscribeHeader() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("39.90", "EUR"));
        kafka.publish(decided, UUID.randomUUID());

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(
                () -> Mails.withSubject(NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)),
                        "About your complaint"), list -> list.size() == 1).get(0);

        assertEquals("About your complaint: Fridge delivered two weeks late (order ORD-2026-118)", Mails.subject(mail));
        String text = Mails.text(mail);
        assertTrue(text.startsWith("Hello Ada,"), text);
        assertTrue(text.contains("You asked for your delivery fee back: we have given you an account credit of €39.90."),
                text);
        assertTrue(Mails.html(mail).contains("<p style=\"margin:0 0 16px\">Hello Ada,</p>"), Mails.html(mail));
        String unsubscribe = Mails.header(mail, "List-Unsubscribe");
        assertNotNull(unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", Mails.header(mail, "List-Unsubscribe-Post"));
        assertTrue(text.contains(unsubscribe.substring(1, unsubscribe.length() - 1)), text);
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.status", equalTo("SENT"))
                .body("find { it.kind == 'APOLOGY' }.providerReference", containsString("smtp:"));
    }

    @Test
    void afterTheCustomerUnsubscribesNoFurtherEmailIsSentAndTheyAreWrittenToBySmsInstead() {
        Customer customer = SampleEvents.customer();
        kafka.publish(SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("5", "EUR")),
                UUID.randomUUID());
        MimeMessage first = await().atMost(Duration.ofSeconds(30)).until(
                () -> NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)), list -> !list.isEmpty()).get(0);
        String link = Mails.link(Mails.text(first), "http://localhost:8083/api/v1/unsubscribe/");
        String path = link.substring("http://localhost:8083".length());

        given().accept("text/html").get(path).then().statusCode(200).body(containsString("<form method=\"post\""));
        given().accept("text/html").post(path).then().statusCode(200)
                .body(containsString("You will not get e-mails from us any more"));
        int receivedBefore = NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)).size();
        given().get("/api/v1/customers/{id}/contact-preferences", customer.id()).then()
                .body("emailAllowed", equalTo(false)).body("changedBy", equalTo("unsubscribe link"));

        RecoveryDecided second = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("6", "EUR"));
        kafka.publish(second, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", second.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.status", equalTo("SENT"))
                .body("find { it.kind == 'APOLOGY' }.channel", equalTo("SMS")));
        // What was still pending for the first complaint (its follow-up, due seconds later) is not sent either.
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).until(
                () -> NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)).size() == receivedBefore);
    }

    @Test
    void aTamperedUnsubscribeLinkIsRefusedAndChangesNothing() {
        given().accept("application/json").post("/api/v1/unsubscribe/dTF8YWNtZXxDVVNULTE.bm90LWEtc2lnbmF0dXJl")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:link-invalid"));
    }

    @Test
    void anSmsCustomerWithoutAPhoneIsWrittenToByEmail() {
        Customer base = SampleEvents.customer(ContactChannel.SMS, "en", "Europe/London");
        Customer customer = SampleEvents.customer(SampleEvents.TENANT, base.id(), base.name(), SampleEvents.email(base),
                null, ContactChannel.SMS, "en", "Europe/London");
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("5", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.channel", equalTo("EMAIL"))
                .body("find { it.kind == 'APOLOGY' }.status", equalTo("SENT")));
    }
}
