package dev.amends.review.caserecord;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class CaseRecordsIT {

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aComplaintAndItsRecoveryMakeOneCaseRecord() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("39.90", "EUR"));
        kafka.publish(complaint, UUID.randomUUID());
        kafka.publish(SampleEvents.creditGranted(complaint.complaintId(), complaint.customer(), Money.of("39.90", "EUR")),
                UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId())
                        .then().statusCode(200)
                        .body("orderReference", equalTo("ORD-2026-118"))
                        .body("category", equalTo("DELIVERY"))
                        .body("recoveryOutcome", equalTo("GRANTED"))
                        .body("makeGood.amount", equalTo("39.90"))
                        .body("$", not(hasKey("customerEmail"))));
    }

    @Test
    void aRecoveryThatArrivesBeforeItsComplaintStillCompletesTheRecord() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("15", "EUR"));
        kafka.publish(SampleEvents.creditGranted(complaint.complaintId(), complaint.customer(), Money.of("15", "EUR")),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId())
                        .then().statusCode(200).body("recoveryOutcome", equalTo("GRANTED")));

        kafka.publish(complaint, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId())
                        .then().body("orderReference", equalTo("ORD-2026-118"))
                        .body("recoveryOutcome", equalTo("GRANTED")));
    }

    @Test
    void anUnknownCaseIsA404Problem() {
        given().get("/api/v1/case-records/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
