package dev.amends.notification.channel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.notification.NotificationTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
public class SmsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void anSmsCustomerGetsTheApologyThroughTheProviderWithHowToStop() {
        Customer customer = smsCustomer("en");
        RecoveryDecided decided = decide(customer);

        awaitApology(decided, "SENT");
        LoggedRequest request = apologyRequests(customer).get(0);
        String form = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
        assertTrue(form.contains("Body=Hello Ada,"), form);
        assertTrue(form.contains("Reply STOP to opt out."), form);
        // The SMS links to the whole letter; the link opens it, and an altered link does not.
        Matcher link = Pattern.compile("Full letter: \\S+(/letters/\\S+)").matcher(form);
        assertTrue(link.find(), form);
        given().accept("text/html").get(link.group(1)).then().statusCode(200)
                .body(containsString("thank you for telling us about this"));
        given().accept("text/html").get(link.group(1) + "x").then().statusCode(400);
        assertTrue(request.getHeader("Authorization").startsWith("Basic "));
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.channel", equalTo("SMS"))
                .body("find { it.kind == 'APOLOGY' }.providerReference", startsWith("SM"));
    }

    @Test
    void aProviderOutageIsRetriedWithBackoffAndTheMessageGoesOutOnce() {
        Customer customer = smsCustomer("en");
        NotificationTestResource.sms().failOnceFor(SampleEvents.phone(customer), 503);
        RecoveryDecided decided = decide(customer);

        awaitApology(decided, "SENT");
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.attempts", equalTo(2));
        assertEquals(2, apologyRequests(customer).size());
    }

    @Test
    void anInvalidNumberIsParkedWithTheProvidersReasonAndNotRetried() {
        Customer customer = smsCustomer("en");
        NotificationTestResource.sms().failFor(SampleEvents.phone(customer), 400, 21211, "Invalid 'To' Phone Number");
        RecoveryDecided decided = decide(customer);

        awaitApology(decided, "PARKED");
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.reason",
                        containsString("SMS provider 400 (21211): Invalid 'To' Phone Number"));
        given().queryParam("status", "PARKED").get("/api/v1/notifications").then()
                .body("id", org.hamcrest.Matchers.hasItem(apologyId(decided)));
        assertEquals(1, apologyRequests(customer).size());
    }

    @Test
    void aProviderThatKeepsFailingIsGivenUpOnAfterTheLastAttemptAndParked() {
        Customer customer = smsCustomer("en");
        NotificationTestResource.sms().failFor(SampleEvents.phone(customer), 500, 20500, "Internal error");
        RecoveryDecided decided = decide(customer);

        awaitApology(decided, "PARKED");
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.reason", startsWith("Gave up after 3 attempts"));
        assertEquals(3, apologyRequests(customer).size());
    }

    @Test
    void aCarrierOptOutSuppressesTheMessageAndRecordsTheOptOut() {
        Customer customer = smsCustomer("en");
        NotificationTestResource.sms().failFor(SampleEvents.phone(customer), 400, 21610, "Attempt to send to unsubscribed recipient");
        RecoveryDecided decided = decide(customer);

        awaitApology(decided, "SUPPRESSED");
        given().get("/api/v1/customers/{id}/contact-preferences", customer.id()).then()
                .body("smsAllowed", equalTo(false)).body("changedBy", equalTo("carrier opt-out"));
    }

    @Test
    void aProviderThatDoesNotAnswerMayHaveSentSoTheMessageIsParkedNotSentAgain() {
        Customer customer = smsCustomer("en");
        NotificationTestResource.sms().delayFor(SampleEvents.phone(customer), 4_000);
        RecoveryDecided decided = decide(customer);

        awaitApology(decided, "PARKED");
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.reason", startsWith("May have reached the customer"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15))
                .until(() -> apologyRequests(customer).size() == 1);
    }

    @Test
    void aStopReplyOptsTheCustomerOutAndLaterMessagesAreNotSent() {
        Customer customer = smsCustomer("en");
        awaitApology(decide(customer), "SENT");

        reply(SampleEvents.phone(customer), "Stop").then().statusCode(200).body(containsString("<Response/>"));
        given().get("/api/v1/customers/{id}/contact-preferences", customer.id()).then()
                .body("smsAllowed", equalTo(false)).body("changedBy", equalTo("SMS reply STOP"));

        Customer smsOnly = SampleEvents.customer(SampleEvents.TENANT, customer.id(), customer.name(), null,
                SampleEvents.phone(customer), ContactChannel.SMS, "en", "Europe/London");
        RecoveryDecided later = decide(smsOnly);
        awaitApology(later, "SUPPRESSED");
        given().queryParam("complaintId", later.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.reason", containsString("opted out of SMS (SMS reply STOP)"));
        assertEquals(1, apologyRequests(customer).size());
    }

    @Test
    void aReplyWithoutTheProvidersSignatureIsRefusedAndChangesNothing() {
        Customer customer = smsCustomer("en");
        awaitApology(decide(customer), "SENT");
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "bm9wZQ==")
                .formParam("From", SampleEvents.phone(customer)).formParam("Body", "STOP")
                .post("/api/v1/sms/replies").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:signature-invalid"));
        given().get("/api/v1/customers/{id}/contact-preferences", customer.id()).then()
                .body("smsAllowed", equalTo(true));
    }

    public static io.restassured.response.Response reply(String from, String body) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("From", from);
        form.add("Body", body);
        form.add("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        String signature = SmsReplies.sign(NotificationTestResource.SMS_TOKEN,
                NotificationTestResource.SMS_REPLIES_URL, form);
        var request = given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", signature);
        form.forEach((name, values) -> request.formParam(name, values.get(0)));
        return request.post("/api/v1/sms/replies");
    }

    /** What the provider received of the apology; the follow-up goes to the same number seconds later. */
    private static List<LoggedRequest> apologyRequests(Customer customer) {
        return NotificationTestResource.sms().requestsFor(SampleEvents.phone(customer)).stream()
                .filter(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8).contains("we have given you"))
                .toList();
    }

    static Customer smsCustomer(String locale) {
        return SampleEvents.customer(ContactChannel.SMS, locale, "Europe/London");
    }

    private RecoveryDecided decide(Customer customer) {
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("12", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        return decided;
    }

    private static void awaitApology(RecoveryDecided decided, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.status", equalTo(status)));
    }

    private static String apologyId(RecoveryDecided decided) {
        return given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .extract().path("find { it.kind == 'APOLOGY' }.id");
    }
}
