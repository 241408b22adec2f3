package dev.amends.notification.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.notification.FeedbackReceived;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.notification.Mails;
import dev.amends.notification.NotificationTestResource;
import dev.amends.notification.link.SignedLinks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class FollowUpIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final String BASE = "http://localhost:8083";
    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Inject
    SignedLinks links;

    @Test
    void theFollowUpAsksWhetherItWorkedAndAYesIsRecordedOnceAndThanked() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        kafka.publish(decided, UUID.randomUUID());

        MimeMessage followUp = awaitMail(customer, "Did we fix it?");
        String text = Mails.text(followUp);
        assertTrue(text.contains("a few days ago we gave you an account credit of €20.00"), text);
        String yes = Mails.link(text, BASE + "/api/v1/feedback/").substring(BASE.length());
        String no = Mails.link(text.substring(text.indexOf("No, not yet:")), BASE + "/api/v1/feedback/")
                .substring(BASE.length());

        given().accept("text/html").get(yes).then().statusCode(200).contentType("text/html")
                .body(containsString("<form method=\"post\" action=\"" + yes + "\">"))
                .body(containsString("Yes, it is fixed"));
        given().accept("text/html").post(yes).then().statusCode(200).contentType("text/html")
                .body(containsString("We are glad it is sorted"));
        given().accept("text/html").post(yes).then().statusCode(200).body(containsString("We already have your answer"));
        given().accept("text/html").get(no).then().statusCode(200).body(containsString("you told us it is fixed"));
        given().accept("text/html").post(no).then().statusCode(200).body(containsString("you told us it is fixed"));

        FeedbackReceived feedback = feedbackOf(decided);
        assertTrue(feedback.fixed());
        assertEquals(ContactChannel.EMAIL, feedback.channel());
        assertEquals(1, feedbackRecords(decided).size());
        awaitMail(customer, "Thank you:");
    }

    @Test
    void aNoIsAnnouncedSoThatIntakeReopensTheComplaint() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        String text = Mails.text(awaitMail(customer, "Did we fix it?"));
        String no = Mails.link(text.substring(text.indexOf("No, not yet:")), BASE + "/api/v1/feedback/")
                .substring(BASE.length());

        given().accept("text/html").post(no).then().statusCode(200).body(containsString("We have reopened"));
        FeedbackReceived feedback = feedbackOf(decided);
        assertFalse(feedback.fixed());
        assertEquals(decided.complaintId(), feedback.complaintId());
        assertEquals(1, feedback.round());
    }

    @Test
    void theFollowUpIsWrittenWhenItFallsDueSoAChangedPreferenceApplies() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.status", equalTo("SENT")));
        // Nothing is written for the follow-up before its day: only then are its words and its channel decided.
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("findAll { it.kind == 'FOLLOW_UP' }", hasSize(0));

        given().contentType("application/json")
                .body("{\"preferredChannel\": \"SMS\", \"changedBy\": \"agent-7\"}")
                .put("/api/v1/customers/{id}/contact-preferences", customer.id()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'FOLLOW_UP' }.status", equalTo("SENT"))
                .body("find { it.kind == 'FOLLOW_UP' }.channel", equalTo("SMS")));
    }

    @Test
    void aTamperedLinkIsRefusedAndAnExpiredOneIsGone() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        String text = Mails.text(awaitMail(customer, "Did we fix it?"));
        String yes = Mails.link(text, BASE + "/api/v1/feedback/").substring(BASE.length());
        UUID followUpId = given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications")
                .then().extract().jsonPath().getUUID("find { it.kind == 'FOLLOW_UP' }.id");

        // The "no" answer swapped into the payload of a "yes" link: the signature no longer matches.
        String noPayload = links.feedbackUrl(followUpId, false, Instant.now()).split("/feedback/")[1].split("\\.")[0];
        String tampered = "/api/v1/feedback/" + noPayload + "." + yes.split("\\.")[1];
        given().accept("application/json").get(tampered).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:amends:problem:link-invalid"));
        given().accept("text/html").get(tampered).then().statusCode(400).contentType("text/html")
                .body(containsString("This link does not work"));

        String expired = links.feedbackUrl(followUpId, true, Instant.now().minus(Duration.ofDays(15)))
                .substring(BASE.length());
        given().accept("application/json").get(expired).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("urn:amends:problem:link-expired"));

        assertTrue(feedbackRecords(decided).isEmpty(), "neither link recorded an answer");
        given().accept("text/html").post(yes).then().statusCode(200).body(containsString("We are glad"));
    }

    @Test
    void openingOrPreviewingALinkRecordsNothingOnlyItsButtonDoes() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        String text = Mails.text(awaitMail(customer, "Did we fix it?"));
        String no = Mails.link(text.substring(text.indexOf("No, not yet:")), BASE + "/api/v1/feedback/")
                .substring(BASE.length());

        given().head(no).then().statusCode(200);
        given().accept("text/html").get(no).then().statusCode(200).body(containsString("No, not yet"));
        given().accept("*/*").get(no).then().statusCode(200);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                .until(() -> feedbackRecords(decided).isEmpty());

        given().accept("text/html").post(no).then().statusCode(200).body(containsString("We have reopened"));
        assertFalse(feedbackOf(decided).fixed());
    }

    @Test
    void aFollowUpThatWasNeverSentCannotBeAnswered() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        given().contentType("application/json").body("{\"emailAllowed\": false, \"smsAllowed\": false, \"changedBy\": \"agent-7\"}")
                .put("/api/v1/customers/{id}/contact-preferences", customer.id()).then().statusCode(200);
        kafka.publish(decided, UUID.randomUUID());
        UUID followUpId = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .extract().jsonPath().getUUID("find { it.kind == 'FOLLOW_UP' }.id"), id -> id != null);
        String no = links.feedbackUrl(followUpId, false, Instant.now()).substring(BASE.length());

        given().head(no).then().statusCode(409);
        given().accept("application/json").get(no).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:amends:problem:conflict"));
        given().accept("application/json").post(no).then().statusCode(409);
        given().accept("text/html").post(no).then().statusCode(409).body(containsString("We have not asked this yet"));
        assertTrue(feedbackRecords(decided).isEmpty(), "an unsent follow-up recorded an answer");
    }

    @Test
    void noMessageViewShowsASignedLinkAndOpsReadsOnlyTheQueuesTheyWorkThrough() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        String text = Mails.text(awaitMail(customer, "Did we fix it?"));
        String yes = Mails.link(text, BASE + "/api/v1/feedback/");
        String token = yes.substring(yes.lastIndexOf('/') + 1);

        String body = given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .statusCode(200).extract().path("find { it.kind == 'FOLLOW_UP' }.body");
        assertTrue(body.contains("/api/v1/feedback/[signed link, shown only to the customer]"), body);
        assertFalse(body.contains(token), body);
        String export = given().get("/api/v1/customers/{id}/data", customer.id()).then().statusCode(200)
                .extract().asString();
        assertFalse(export.contains(token), "the data export shows a signed link");

        String ops = SignedIn.bearer(SignedIn.TENANT, "ops");
        given().header("Authorization", ops).queryParam("complaintId", decided.complaintId())
                .get("/api/v1/notifications").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", ops).queryParam("status", "SENT").get("/api/v1/notifications")
                .then().statusCode(403);
        given().header("Authorization", ops).queryParam("status", "HELD").get("/api/v1/notifications")
                .then().statusCode(200);
        given().header("Authorization", ops).queryParam("status", "PARKED").get("/api/v1/notifications")
                .then().statusCode(200);
    }

    @Test
    void anSmsFollowUpIsAnsweredByReplyingYesOrNo() {
        Customer customer = SampleEvents.customer(ContactChannel.SMS, "de", "Europe/Berlin");
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'FOLLOW_UP' }.status", equalTo("SENT"))
                .body("find { it.kind == 'FOLLOW_UP' }.body", containsString("Antworten Sie JA")));

        dev.amends.notification.channel.SmsIT.reply(SampleEvents.phone(customer), "nein").then().statusCode(200);
        FeedbackReceived feedback = feedbackOf(decided);
        assertFalse(feedback.fixed());
        assertEquals(ContactChannel.SMS, feedback.channel());
    }

    @Test
    void anOverServedCustomerIsFollowedUpSooner() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided base = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("20", "EUR"));
        RecoveryDecided overServed = new RecoveryDecided(base.tenant(), base.complaintId(), base.recoveryId(),
                customer, base.summary(), base.outcome(), base.fault(), base.apology(), base.makeGood(),
                base.authority(), null, base.rationale(), base.decidedAt(), 1, base.makeGoods(), 1, true,
                base.specifics());
        kafka.publish(overServed, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", base.complaintId()).get("/api/v1/notifications").then()
                .body("findAll { it.kind == 'FOLLOW_UP' }", hasSize(1)));
        List<String> times = given().queryParam("complaintId", base.complaintId()).get("/api/v1/notifications")
                .then().extract().jsonPath().getList("findAll { it.kind == 'FOLLOW_UP' || it.kind == 'APOLOGY' }"
                        + ".collect { it.createdAt + '|' + it.dueAt }");
        String[] followUp = times.get(1).split("\\|");
        Duration after = Duration.between(Instant.parse(followUp[0]), Instant.parse(followUp[1]));
        assertTrue(after.compareTo(Duration.ofSeconds(3)) < 0, "over-served follow-up after " + after);
    }

    private MimeMessage awaitMail(Customer customer, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> Mails.withSubject(NotificationTestResource.smtp().receivedFor(SampleEvents.email(customer)), subject),
                list -> list.size() == 1).get(0);
    }

    private FeedbackReceived feedbackOf(RecoveryDecided decided) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> feedbackRecords(decided), list -> !list.isEmpty()).get(0);
        return (FeedbackReceived) EventCodec.fromJson(EventType.FEEDBACK_RECEIVED, record.value());
    }

    private List<ConsumerRecord<String, String>> feedbackRecords(RecoveryDecided decided) {
        return kafka.records(Topic.NOTIFICATIONS.topicName(), r -> decided.customerId().equals(r.key())
                && EventType.FEEDBACK_RECEIVED.ceType().equals(KafkaTestClient.header(r, "ce_type")));
    }
}
