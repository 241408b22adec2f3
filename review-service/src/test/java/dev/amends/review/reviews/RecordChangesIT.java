package dev.amends.review.reviews;

import static dev.amends.review.reviews.ReviewTestData.awaitFacts;
import static dev.amends.review.reviews.ReviewTestData.complaint;
import static dev.amends.review.reviews.ReviewTestData.feedback;
import static dev.amends.review.reviews.ReviewTestData.googleName;
import static dev.amends.review.reviews.ReviewTestData.issued;
import static dev.amends.review.reviews.ReviewTestData.notified;
import static dev.amends.review.reviews.ReviewTestData.push;
import static dev.amends.review.reviews.ReviewTestData.review;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.devkit.SignedIn;
import dev.amends.review.ReviewTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case record changes while a review waits: a complaint that arrives after its review is
 * matched to it, and a response waiting for approval is redrafted as a new version whenever the
 * record gains a fact, from real events on the broker.
 */
@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class RecordChangesIT {

    private static final String TENANT = "hearth";

    @BeforeAll
    static void signIn() {
        SignedIn.asPerson(TENANT, "maya@hearth.example", SignedIn.EVERY_ROLE);
    }

    private static String order() {
        return "ORD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static ValidatableResponse get(String id) {
        return given().get("/api/v1/reviews/" + id).then().statusCode(200);
    }

    private static ValidatableResponse approve(String id, Map<String, Object> approval) {
        return given().contentType("application/json").body(approval).post("/api/v1/reviews/" + id + "/approve").then();
    }

    @Test
    void aReviewPostedBeforeItsComplaintIsMatchedWhenTheComplaintArrivesAndRedrafted() {
        String order = order();
        Map<String, Object> body = review(googleName(), 1, "Priya S.",
                "Fridge came two weeks late and nobody even apologised.", Instant.now().minus(Duration.ofHours(2)));
        body.put("orderReference", order);
        String id = push(TENANT, body).statusCode(201)
                .body("match.strength", equalTo("NONE"))
                .body("match.reason", startsWith("No case record has the order reference the platform gave (yet)."))
                .body("response.version", equalTo(1))
                .extract().path("id");

        Instant received = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        ComplaintReceived complaint = complaint(TENANT, "Priya Shah", order, Fault.COMPANY, received);
        notified(complaint, MessageKind.APOLOGY, received.plus(Duration.ofMinutes(2)));
        awaitFacts(complaint, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(id)
                .body("match.strength", equalTo("STRONG"))
                .body("match.complaintId", equalTo(complaint.complaintId().toString()))
                .body("response.counterpoints[0].claim", equalTo("NO_APOLOGY"))
                .body("response.counterpoints[0].sinceReview", equalTo(true))
                .body("response.text", containsString("Since you wrote this, we have apologised to you in writing"))
                .body("response.text", containsString("This one was our mistake.")));
        // The complaint and its apology may come in one batch or two: one new version, or one for each.
        get(id).body("response.versions.cause", hasItem(containsString("a case record arrived and the review is now "
                        + "matched: The platform gave the order reference of this complaint.")))
                .body("response.versions[-1].version", equalTo(1))
                .body("response.versions[0].changes.kind", hasItem("added"));
    }

    @Test
    void aNameAloneNeverPointsAtACaseWhoseOrderReferenceDiffersAndAWeakMatchSaysHowWeak() {
        Instant received = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MICROS);
        String name = "Lena Fischer-" + UUID.randomUUID().toString().substring(0, 4);
        ComplaintReceived other = complaint(TENANT, name, order(), Fault.COMPANY, received);
        awaitFacts(other, 0);

        Map<String, Object> withOrder = review(googleName(), 1, name, "Late parcel.", Instant.now());
        withOrder.put("orderReference", order());
        push(TENANT, withOrder).statusCode(201)
                .body("match.strength", equalTo("NONE"))
                .body("match.complaintId", equalTo(null))
                .body("match.reason", containsString("do not contradict the review's"));

        push(TENANT, review(googleName(), 1, name, "Late parcel.", Instant.now())).statusCode(201)
                .body("match.strength", equalTo("WEAK"))
                .body("match.usedAsFact", equalTo(false))
                .body("match.reason", startsWith("Weak suggestion (0.70 of 1.00)."))
                .body("match.reason", containsString("the review is about delivery, like the complaint"))
                .body("match.reason", containsString("Nothing but the name and the time links them"));
    }

    @Test
    void aResponseWaitingForApprovalFollowsTheRecordAndAnOlderVersionIsApprovedOnlyDeliberately() {
        Instant received = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        String order = order();
        ComplaintReceived complaint = complaint(TENANT, "Marek Nowak", order, Fault.COMPANY, received);
        awaitFacts(complaint, 0);
        Map<String, Object> body = review(googleName(), 1, "Marek N.", "Late fridge and I never got my refund.",
                Instant.now().minus(Duration.ofHours(1)));
        body.put("orderReference", order);
        String id = push(TENANT, body).statusCode(201)
                .body("response.text", containsString("We want to put it right with you."))
                .extract().path("id");

        issued(complaint, MakeGoodKind.REFUND, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(id)
                .body("response.version", equalTo(2))
                .body("response.text", containsString("Since you wrote this, we have issued a refund."))
                .body("response.text", not(containsString("We want to put it right with you.")))
                .body("response.versions[0].cause", equalTo("redrafted: the case record changed: refund issued"))
                .body("response.versions[0].changes.find { it.kind == 'changed' }.before",
                        hasItem("We want to put it right with you."))
                .body("response.versions[0].changes.find { it.kind == 'changed' }.after",
                        hasItem("Since you wrote this, we have issued a refund.")));

        approve(id, Map.of("version", 1)).statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Version 1 is not the newest"))
                .body("detail", containsString("olderVersion"));
        approve(id, Map.of("version", 3)).statusCode(404).contentType("application/problem+json");
        get(id).body("response.status", equalTo("DRAFTED")).body("response.version", equalTo(2));

        approve(id, Map.of("version", 1, "olderVersion", true)).statusCode(200)
                .body("response.version", equalTo(3))
                .body("response.text", containsString("We want to put it right with you."))
                .body("response.versions[0].cause", equalTo("version 1 chosen by maya@hearth.example over version 2"));

        // Approved, it is what goes public: a later fact does not redraft it behind the approver's back.
        feedback(complaint, true, Instant.now());
        awaitFacts(complaint, 2);
        get(id).body("response.version", equalTo(3)).body("response.versions", hasSize(3));
    }

    @Test
    void aPersonsEditIsKeptAsAVersionWhenTheRecordOverTakesIt() {
        Instant received = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        String order = order();
        ComplaintReceived complaint = complaint(TENANT, "Jana Keller", order, Fault.COMPANY, received);
        awaitFacts(complaint, 0);
        Map<String, Object> body = review(googleName(), 2, "Jana K.", "Die Lieferung kam viel zu spät und ich warte "
                + "immer noch auf meine Erstattung.", Instant.now().minus(Duration.ofHours(1)));
        body.put("orderReference", order);
        String id = push(TENANT, body).statusCode(201)
                .body("language", equalTo("DE"))
                .body("response.text", startsWith("Hallo Jana,"))
                .extract().path("id");
        given().contentType("application/json").body(Map.of("text", "Hallo Jana, es tut uns leid. Wir melden uns."))
                .post("/api/v1/reviews/" + id + "/response").then().statusCode(200)
                .body("response.version", equalTo(2));

        issued(complaint, MakeGoodKind.REFUND, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(id)
                .body("response.version", equalTo(3))
                .body("response.text", containsString("Seit Sie das geschrieben haben, haben wir eine Erstattung "
                        + "veranlasst."))
                .body("response.versions[0].cause", equalTo("redrafted: the case record changed: refund issued; "
                        + "the edit by maya@hearth.example stays as version 2"))
                .body("response.versions[1].writtenBy", equalTo("maya@hearth.example")));
    }
}
