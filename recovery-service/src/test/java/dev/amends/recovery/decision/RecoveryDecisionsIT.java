package dev.amends.recovery.decision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryEscalated;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.recovery.ledger.LedgerEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
class RecoveryDecisionsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aComplaintWithinAuthorityIsMadeGoodAtOnceWrittenToTheLedgerAndAnnounced() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("39.90", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/recoveries/" + complaint.complaintId())
                        .then().statusCode(200)
                        .body("outcome", equalTo("GRANTED"))
                        .body("authority", equalTo("AUTOMATIC"))
                        .body("rule", equalTo("delivery-problem"))
                        .body("policyVersion", equalTo(1))
                        .body("makeGood.value.amount", equalTo("39.90"))
                        .body("issued", hasSize(1))
                        .body("issued[0].kind", equalTo("ACCOUNT_CREDIT"))
                        .body("issued[0].approvedBy", equalTo("policy")));

        RecoveryDecided decided = (RecoveryDecided) EventCodec.fromJson(EventType.RECOVERY_DECIDED,
                one(complaint, EventType.RECOVERY_DECIDED).value());
        assertEquals(Money.of("39.90", "EUR"), decided.makeGood().value());
        assertEquals(complaint.customer(), decided.customer());
        MakeGoodIssued issued = (MakeGoodIssued) EventCodec.fromJson(EventType.MAKE_GOOD_ISSUED,
                one(complaint, EventType.MAKE_GOOD_ISSUED).value());
        assertEquals(decided.recoveryId(), issued.recoveryId());
        assertEquals(Money.of("39.90", "EUR"), issued.makeGood().value());
        assertEquals(1, issued.entries().size());
    }

    @Test
    void aComplaintAboveAuthorityIsEscalatedToANamedOwnerWithADeadlineAndNothingIssuedYet() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("400", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/recoveries/" + complaint.complaintId())
                        .then().statusCode(200)
                        .body("outcome", equalTo("ESCALATED"))
                        .body("authority", equalTo("MANAGER"))
                        .body("escalation.owner", equalTo("customer-care-managers"))
                        .body("escalation.status", equalTo("OPEN"))
                        .body("escalation.dueAt", notNullValue())
                        .body("issued", hasSize(0)));
        RecoveryEscalated escalated = (RecoveryEscalated) EventCodec.fromJson(EventType.RECOVERY_ESCALATED,
                one(complaint, EventType.RECOVERY_ESCALATED).value());
        assertEquals("customer-care-managers", escalated.escalation().owner());
        assertEquals(Money.of("400", "EUR"), escalated.escalation().proposed().value());
    }

    @Test
    void aRedeliveredComplaintIsDecidedOnceWithOneLedgerEntry() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("12", "EUR"));
        UUID eventId = UUID.randomUUID();
        kafka.publish(complaint, eventId);
        kafka.publish(complaint, eventId);
        // The same complaint again under another event id, as a producer retry with a new id would send it.
        kafka.publish(complaint, UUID.randomUUID());
        ComplaintReceived later = SampleEvents.complaintReceived(complaint.customer(), Money.of("5", "EUR"));
        kafka.publish(later, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> of(later, EventType.MAKE_GOOD_ISSUED), r -> r.size() == 1);
        assertEquals(1, of(complaint, EventType.RECOVERY_DECIDED).size());
        assertEquals(1, of(complaint, EventType.MAKE_GOOD_ISSUED).size());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                () -> Recovery.count("complaintId", complaint.complaintId())));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                () -> LedgerEntry.count("complaintId", complaint.complaintId())));
    }

    @Test
    void aCustomerOverTheHistoryBudgetIsEscalatedNotRefused() {
        var customer = SampleEvents.customer();
        for (int i = 0; i < 3; i++) {
            kafka.publish(SampleEvents.complaintReceived(customer, Money.of("10", "EUR")), UUID.randomUUID());
        }
        ComplaintReceived fourth = SampleEvents.complaintReceived(customer, Money.of("10", "EUR"));
        kafka.publish(fourth, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/recoveries/" + fourth.complaintId())
                        .then().statusCode(200)
                        .body("outcome", equalTo("ESCALATED"))
                        .body("escalation.owner", equalTo("supervisors"))
                        .body("rationale", hasItems(containsString("This customer had 3 make-good(s) worth 30.00 EUR"),
                                containsString("never whether"))));
        given().get("/api/v1/customers/" + customer.id() + "/make-goods")
                .then().statusCode(200)
                .body("makeGoodsInWindow", equalTo(3))
                .body("totalsInWindow[0].amount", equalTo("30.00"))
                .body("entries", hasSize(3));
    }

    @Test
    void anUnreadableComplaintGoesToTheDeadLetterTopicAndTheNextOneIsStillDecided() {
        var customer = SampleEvents.customer();
        kafka.publishRaw(Topic.COMPLAINTS, customer.id(), "{\"complaintId\": 42",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "complaint.received.v1"));
        ComplaintReceived next = SampleEvents.complaintReceived(customer, Money.of("20", "EUR"));
        kafka.publish(next, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/recoveries/" + next.complaintId()).then().statusCode(200));
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
                given().get("/api/v1/recoveries/" + complaint.complaintId())
                        .then().statusCode(200).body("outcome", equalTo("GRANTED")));

        UUID reopenId = UUID.randomUUID();
        kafka.publish(SampleEvents.reopened(complaint, 2), reopenId);
        kafka.publish(SampleEvents.reopened(complaint, 2), reopenId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/recoveries/" + complaint.complaintId())
                        .then().statusCode(200)
                        .body("round", equalTo(2))
                        .body("outcome", equalTo("ESCALATED"))
                        .body("escalation.owner", equalTo("supervisors"))
                        .body("rationale", hasItems(containsString("The credit never showed up"),
                                containsString("Earlier: round 1"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> of(complaint, EventType.RECOVERY_DECIDED),
                records -> records.size() == 2);
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(
                () -> Recovery.count("complaintId", complaint.complaintId())));
    }

    @Test
    void anUndecidedComplaintIsA404Problem() {
        given().get("/api/v1/recoveries/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private List<ConsumerRecord<String, String>> of(ComplaintReceived complaint, EventType type) {
        return kafka.records(Topic.RECOVERIES.topicName(), r -> complaint.customerId().equals(r.key())
                && complaint.complaintId().toString().equals(KafkaTestClient.header(r, "ce_subject"))
                && type.ceType().equals(KafkaTestClient.header(r, "ce_type")));
    }

    private ConsumerRecord<String, String> one(ComplaintReceived complaint, EventType type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> of(complaint, type), r -> r.size() == 1).get(0);
    }

    @Test
    void theRecoveryFiguresAreExportedForTheDashboards() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("19.90", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/recoveries/" + complaint.complaintId()).then().statusCode(200));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("amends_recoveries_decided_total{authority=\"AUTOMATIC\",outcome=\"GRANTED\"}"))
                .body(containsString("amends_make_goods_issued_sum{authority=\"AUTOMATIC\",currency=\"EUR\",kind=\"ACCOUNT_CREDIT\"}"))
                .body(containsString("amends_escalations_open{level=\"SUPERVISOR\"}"))
                .body(containsString("amends_escalations_overdue{level=\"MANAGER\"}"))
                .body(containsString("amends_events_consumed_total{topic=\"amends.complaints\",type=\"complaint.received.v1\"}"))
                .body(containsString("amends_outbox_backlog"))
                .body(containsString("amends_outbox_oldest_unsent_age_seconds")));
    }

}
