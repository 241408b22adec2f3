package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.contract.review.ReviewSignature;
import dev.amends.devkit.LocalSmtp;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.Tokens;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One complaint followed through all four packaged services. */
class ComplaintLifecycleIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
    }

    @Test
    void aComplaintWithinAuthorityGoesFromIntakeThroughRecoveryAndNotificationBackIntoItsTimeline() throws SQLException {
        ServiceProcess intake = platform.service("intake-service");
        String id = Complaints.file(intake, "39.00");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("status", equalTo("CUSTOMER_NOTIFIED"))
                        .body("timeline.event",
                                contains("RECEIVED", "RECOVERY_DECIDED", "MAKE_GOOD_ISSUED", "CUSTOMER_NOTIFIED"))
                        .body("timeline.stage", contains("LISTEN", "RESPOND", "RESPOND", "NOTIFY")));

        given().baseUri(platform.service("recovery-service").baseUri())
                .get("/api/v1/recoveries/" + id)
                .then().statusCode(200).body("outcome", equalTo("GRANTED"))
                .body("makeGood.value.amount", equalTo("39.00"))
                .body("issued", hasSize(1));
        given().baseUri(platform.service("notification-service").baseUri())
                .queryParam("complaintId", id).get("/api/v1/notifications")
                .then().body("kind", contains("APOLOGY"))
                .body("status", contains("SENT"));
        // The follow-up is only scheduled: it is written on its day.
        assertEquals(1, scheduledFollowUps(id));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(platform.service("review-service").baseUri())
                        .get("/api/v1/case-records/" + id)
                        .then().statusCode(200).body("recoveryOutcome", equalTo("GRANTED")));
    }

    @Test
    void aReviewThatMisstatesTheRecoveryIsAnsweredWithTheFactsAndPublishedOnceApproved() throws Exception {
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess review = platform.service("review-service");
        String order = "ORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = Complaints.file(intake, "39.00", Map.of(), order);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(review.baseUri()).get("/api/v1/case-records/" + id)
                        .then().statusCode(200).body("facts.kind", hasItems("MAKE_GOOD_ISSUED", "REPLIED")));

        String reviewName = "accounts/1/locations/1/reviews/" + UUID.randomUUID();
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("platform", "GOOGLE", "platformReviewId", reviewName,
                "rating", 1, "authorName", "Ada L.", "orderReference", order, "writtenAt", Instant.now().toString(),
                "text", "The fridge came two weeks late, nobody answered my emails and I got nothing for it."));
        String reviewId = given().baseUri(review.baseUri()).contentType(ContentType.JSON)
                .header("Amends-Tenant", SignedIn.TENANT)
                .header(ReviewSignature.HEADER,
                        ReviewSignature.header(RunningPlatform.REVIEW_WEBHOOK_SECRET, Instant.now(), body))
                .body(body).post("/api/v1/reviews")
                .then().statusCode(201)
                .body("match.strength", equalTo("STRONG"))
                .body("response.counterpoints.claim", hasItems("NO_REPLY", "NO_COMPENSATION"))
                .body("response.counterpoints.evidence.flatten().href",
                        everyItem(startsWith("/api/v1/case-records/" + id + "#fact-")))
                .body("response.findings", hasSize(0))
                .extract().path("id");

        given().baseUri(review.baseUri()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/reviews/" + reviewId + "/approve").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(1, platform.google().repliesTo(reviewName).size()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(review.baseUri())
                .get("/api/v1/reviews/" + reviewId).then().body("response.status", equalTo("PUBLISHED")));
    }

    @Test
    void aComplaintAboveAuthorityIsEscalatedAndTheCustomerIsToldWhenToExpectAnAnswer() {
        ServiceProcess intake = platform.service("intake-service");
        String id = Complaints.file(intake, "400.00");

        // Being told is a step on the timeline; the status says the complaint waits for a decision.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("status", equalTo("ESCALATED"))
                        .body("timeline.event", contains("RECEIVED", "RECOVERY_DECIDED", "ESCALATED",
                                "CUSTOMER_NOTIFIED"))
                        .body("escalation.awaitingDecision", equalTo(true)));
        String escalation = given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id).then().extract()
                .path("escalation.id");
        given().baseUri(platform.service("recovery-service").baseUri())
                .header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "maria.k", "manager"))
                .get("/api/v1/escalations/" + escalation).then().statusCode(200).body("complaintId", equalTo(id));
        given().baseUri(intake.baseUri()).queryParam("status", "ESCALATED").queryParam("limit", "200")
                .get("/api/v1/complaints").then().body("items.id", hasItem(id));
        given().baseUri(platform.service("notification-service").baseUri())
                .queryParam("complaintId", id).get("/api/v1/notifications")
                .then().body("kind", contains("ESCALATION_NOTICE"));
    }

    @Test
    void anEscalationApprovedByASupervisorIsIssuedOnceAndConfirmedToTheCustomer() throws SQLException {
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess recovery = platform.service("recovery-service");
        String id = Complaints.file(intake, "80.00");
        String escalation = await().atMost(Duration.ofSeconds(60)).until(
                () -> given().baseUri(recovery.baseUri()).get("/api/v1/recoveries/" + id).then().extract()
                        .path("escalation.id"),
                found -> found != null);
        // The supervisor answers after the customer has been told when to expect it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("status", equalTo("ESCALATED"))
                        .body("timeline.event", hasItem("CUSTOMER_NOTIFIED")));

        given().baseUri(recovery.baseUri()).contentType(ContentType.JSON)
                .header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "maria.k", "supervisor"))
                .body(Map.of("note", "Two days off work deserve it"))
                .post("/api/v1/escalations/" + escalation + "/approve").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(platform.service("notification-service").baseUri())
                        .queryParam("complaintId", id).get("/api/v1/notifications")
                        .then().body("kind", contains("ESCALATION_NOTICE", "MAKE_GOOD_CONFIRMATION"))
                        .body("status", contains("SENT", "SENT")));
        assertEquals(1, scheduledFollowUps(id));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("timeline.event", contains("RECEIVED", "RECOVERY_DECIDED", "ESCALATED",
                                "CUSTOMER_NOTIFIED", "MAKE_GOOD_ISSUED", "CUSTOMER_NOTIFIED"))
                        .body("timeline[4].actor", equalTo("maria.k"))
                        .body("status", equalTo("CUSTOMER_NOTIFIED"))
                        .body("escalation.awaitingDecision", equalTo(false)));
        given().baseUri(recovery.baseUri()).get("/api/v1/recoveries/" + id)
                .then().body("issued", hasSize(1)).body("issued[0].approvedBy", equalTo("maria.k"));
    }

    @Test
    void aReopenedComplaintGoesToAPersonAndTheCustomerHearsBackAgain() throws SQLException {
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
                        .then().body("status", equalTo("ESCALATED"))
                        .body("round", equalTo(2))
                        .body("timeline.event", contains("RECEIVED", "RECOVERY_DECIDED", "MAKE_GOOD_ISSUED",
                                "CUSTOMER_NOTIFIED", "REOPENED", "RECOVERY_DECIDED", "ESCALATED",
                                "CUSTOMER_NOTIFIED")));
        given().baseUri(platform.service("recovery-service").baseUri())
                .get("/api/v1/recoveries/" + id)
                .then().body("round", equalTo(2)).body("outcome", equalTo("ESCALATED"));
        given().baseUri(platform.service("notification-service").baseUri())
                .queryParam("complaintId", id).get("/api/v1/notifications")
                .then().body("kind", contains("APOLOGY", "ESCALATION_NOTICE"))
                .body("status", contains("SENT", "SENT"));
        // The first round's follow-up no longer fits and is dropped; the escalated round has none yet.
        assertEquals(0, scheduledFollowUps(id));
    }

    @Test
    void aCustomerWhoAnswersTheFollowUpNotFixedYetGetsTheirComplaintReopenedAndHearsBackAgain() throws SQLException {
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess notification = platform.service("notification-service");
        String id = Complaints.file(intake, "20.00");
        await().atMost(Duration.ofSeconds(60)).until(() -> scheduledFollowUps(id) == 1);

        // Three days pass, and the follow-up is written and goes out.
        try (Connection db = platform.database("notification-service");
                PreparedStatement due = db.prepareStatement(
                        "update scheduled_follow_up set due_at = now() where complaint_id = ?")) {
            due.setObject(1, UUID.fromString(id));
            due.executeUpdate();
        }
        String followUpId = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .baseUri(notification.baseUri()).queryParam("complaintId", id).get("/api/v1/notifications").then()
                .extract().path("find { it.kind == 'FOLLOW_UP' }.id"), found -> found != null);
        MimeMessage followUp = await().atMost(Duration.ofSeconds(60)).until(() -> platform.smtp()
                .receivedFor("ada@example.com").stream()
                .filter(mail -> followUpId.equals(LocalSmtp.header(mail, "X-Amends-Message-Id"))).findFirst(),
                Optional::isPresent).get();
        String text = LocalSmtp.text(followUp);
        Matcher no = Pattern.compile("No, not yet: \\S+(/api/v1/feedback/\\S+)").matcher(text);
        assertTrue(no.find(), text);

        given().baseUri(notification.baseUri()).accept("text/html").get(no.group(1)).then().statusCode(200);
        given().baseUri(notification.baseUri()).accept("text/html").post(no.group(1)).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + id)
                        .then().body("round", equalTo(2)).body("status", equalTo("ESCALATED"))
                        .body("timeline.event", hasItems("FEEDBACK_RECEIVED", "REOPENED", "CUSTOMER_NOTIFIED")));
        given().baseUri(platform.service("recovery-service").baseUri()).get("/api/v1/recoveries/" + id)
                .then().body("round", equalTo(2)).body("outcome", equalTo("ESCALATED"))
                .body("rationale", hasItem(containsString("not fixed yet")));
    }

    /** The follow-ups notification-service has scheduled for the complaint and not yet written. */
    private static int scheduledFollowUps(String complaintId) throws SQLException {
        try (Connection db = platform.database("notification-service");
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from scheduled_follow_up where complaint_id = ?")) {
            count.setObject(1, UUID.fromString(complaintId));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
