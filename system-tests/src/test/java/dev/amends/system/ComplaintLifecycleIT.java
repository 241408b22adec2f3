package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One complaint followed through all four packaged services. */
class ComplaintLifecycleIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
    }

    @Test
    void aComplaintWithinAuthorityGoesFromIntakeThroughRecoveryAndNotificationBackIntoItsTimeline() {
        ServiceProcess intake = platform.service("intake-service");
        String id = Complaints.file(intake, "39.00");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("status", equalTo("CUSTOMER_NOTIFIED"))
                        .body("timeline.event",
                                contains("RECEIVED", "RECOVERY_DECIDED", "MAKE_GOOD_ISSUED", "CUSTOMER_NOTIFIED"))
                        .body("timeline.stage", contains("LISTEN", "RESPOND", "RESPOND", "NOTIFY")));

        given().baseUri(platform.service("recovery-service").baseUri())
                .get("/api/v1/complaints/" + id + "/recovery")
                .then().statusCode(200).body("outcome", equalTo("GRANTED")).body("makeGood.amount", equalTo("39.00"));
        given().baseUri(platform.service("notification-service").baseUri())
                .queryParam("complaintId", id).get("/api/v1/messages")
                .then().body("", hasSize(1)).body("[0].kind", equalTo("APOLOGY"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(platform.service("review-service").baseUri())
                        .get("/api/v1/case-records/" + id)
                        .then().statusCode(200).body("recoveryOutcome", equalTo("GRANTED")));
    }

    @Test
    void aComplaintAboveAuthorityIsEscalatedAndTheCustomerIsToldWhenToExpectAnAnswer() {
        ServiceProcess intake = platform.service("intake-service");
        String id = Complaints.file(intake, "400.00");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("status", equalTo("CUSTOMER_NOTIFIED"))
                        .body("timeline.event", contains("RECEIVED", "RECOVERY_DECIDED", "ESCALATED",
                                "CUSTOMER_NOTIFIED")));
        given().baseUri(platform.service("notification-service").baseUri())
                .queryParam("complaintId", id).get("/api/v1/messages")
                .then().body("", hasSize(1)).body("[0].kind", equalTo("ESCALATION_NOTICE"));
    }

    @Test
    void aReopenedComplaintGoesToAPersonAndTheCustomerHearsBackAgain() {
        ServiceProcess intake = platform.service("intake-service");
        String id = Complaints.file(intake, "20.00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("status", equalTo("CUSTOMER_NOTIFIED")));

        given().baseUri(intake.baseUri()).contentType(ContentType.JSON)
                .body(Map.of("reason", "The credit never showed up on my account.", "requestedBy", "customer"))
                .post("/api/v1/complaints/" + id + "/reopen").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("status", equalTo("CUSTOMER_NOTIFIED"))
                        .body("round", equalTo(2))
                        .body("timeline.event", contains("RECEIVED", "RECOVERY_DECIDED", "MAKE_GOOD_ISSUED",
                                "CUSTOMER_NOTIFIED", "REOPENED", "RECOVERY_DECIDED", "ESCALATED",
                                "CUSTOMER_NOTIFIED")));
        given().baseUri(platform.service("recovery-service").baseUri())
                .get("/api/v1/complaints/" + id + "/recovery")
                .then().body("round", equalTo(2)).body("outcome", equalTo("ESCALATED"));
        given().baseUri(platform.service("notification-service").baseUri())
                .queryParam("complaintId", id).get("/api/v1/messages")
                .then().body("", hasSize(2)).body("[1].kind", equalTo("ESCALATION_NOTICE"));
    }
}
