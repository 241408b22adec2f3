package dev.amends.recovery.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.MakeGoodSettled;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.devkit.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class SettlementsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aConfirmedSettlementStampsTheLedgerAndIsAnnouncedOnce() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("39.90", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/recoveries/" + complaint.complaintId()).then().statusCode(200)
                .body("issued[0].kind", equalTo("ACCOUNT_CREDIT")));

        Map<String, String> confirmation = Map.of("kind", "ACCOUNT_CREDIT", "reference", "CR-77",
                "confirmedBy", "billing");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "billing-bot", "crm-client"))
                    .contentType(ContentType.JSON).body(confirmation)
                    .post("/api/v1/recoveries/{id}/settlements", complaint.complaintId()).then().statusCode(200)
                    .body("[0].settlementReference", equalTo("CR-77"))
                    .body("[0].settledBy", equalTo("billing-bot"));
        }

        List<ConsumerRecord<String, String>> settled = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.RECOVERIES.topicName(), r -> complaint.customerId().equals(r.key())
                        && EventType.MAKE_GOOD_SETTLED.ceType().equals(KafkaTestClient.header(r, "ce_type"))),
                records -> !records.isEmpty());
        MakeGoodSettled event = (MakeGoodSettled) EventCodec.fromJson(EventType.MAKE_GOOD_SETTLED,
                settled.get(0).value());
        assertEquals(MakeGoodKind.ACCOUNT_CREDIT, event.kind());
        assertEquals(Money.of("39.90", "EUR"), event.value());
        assertEquals(complaint.customer(), event.customer());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).until(() -> kafka.records(
                Topic.RECOVERIES.topicName(), r -> complaint.customerId().equals(r.key())
                        && EventType.MAKE_GOOD_SETTLED.ceType().equals(KafkaTestClient.header(r, "ce_type")))
                .size() == 1);
    }

    @Test
    void aSettlementOfAMakeGoodThatWasNeverIssuedIsRefusedAsAProblem() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("39.90", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/recoveries/" + complaint.complaintId()).then().statusCode(200));

        given().contentType(ContentType.JSON).body(Map.of("kind", "REFUND", "reference", "RF-1", "confirmedBy", "billing"))
                .post("/api/v1/recoveries/{id}/settlements", complaint.complaintId()).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("kind", "REFUND"))
                .post("/api/v1/recoveries/{id}/settlements", complaint.complaintId()).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("kind", "ACCOUNT_CREDIT", "reference", "CR", "confirmedBy", "b"))
                .post("/api/v1/recoveries/{id}/settlements", UUID.randomUUID()).then().statusCode(404);
        for (String settledAt : List.of("0001-01-01T00:00:00Z", "-100000-01-01T00:00:00Z", "2099-01-01T00:00:00Z")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "ACCOUNT_CREDIT", "reference", "CR-1", "settledAt", settledAt))
                    .post("/api/v1/recoveries/{id}/settlements", complaint.complaintId()).then().statusCode(400)
                    .body("errors[0].field", equalTo("settledAt"));
        }
    }
}
