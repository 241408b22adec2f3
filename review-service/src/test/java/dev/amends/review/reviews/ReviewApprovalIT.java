package dev.amends.review.reviews;

import static dev.amends.review.reviews.ReviewTestData.googleName;
import static dev.amends.review.reviews.ReviewTestData.push;
import static dev.amends.review.reviews.ReviewTestData.review;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.devkit.ReviewPlatformStandIn;
import dev.amends.devkit.SignedIn;
import dev.amends.review.ReviewTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edits, approval and publishing, against a real HTTP server standing in for Google. */
@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class ReviewApprovalIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asPerson(TENANT, "maya@hearth.example", SignedIn.EVERY_ROLE);
    }

    private static final String TENANT = "approval";
    private final ReviewPlatformStandIn google = ReviewTestResource.google();

    private static String drafted(String name) {
        return push(TENANT, review(name, 2, "Lena K.", "Paid 12.50 for express and the parcel came late.",
                Instant.now())).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse post(String id, String action, Map<String, ?> body) {
        return given().contentType("application/json").body(body).post("/api/v1/reviews/" + id + "/" + action).then();
    }

    private static ValidatableResponse approve(String id) {
        return post(id, "approve", Map.of());
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/reviews/" + id).then()
                .body("response.status", equalTo(status)));
    }

    @Test
    void anApprovedResponseIsPublishedToGoogleExactlyAsApproved() {
        String name = googleName();
        String id = drafted(name);
        String text = given().get("/api/v1/reviews/" + id).then().extract().path("response.text");
        assertEquals(0, google.repliesTo(name).size(), "nothing is published before approval");

        approve(id).statusCode(200).body("response.status", equalTo("APPROVED"))
                .body("response.approvedBy", equalTo("maya@hearth.example"));
        awaitStatus(id, "PUBLISHED");

        assertEquals(1, google.repliesTo(name).size());
        assertEquals(text, JsonPath.from(google.repliesTo(name).get(0).getBodyAsString()).getString("comment"));
        assertEquals("Bearer " + ReviewTestResource.GOOGLE_TOKEN,
                google.repliesTo(name).get(0).getHeader("Authorization"));
        given().get("/api/v1/reviews/" + id).then().body("response.publishedAt", notNullValue())
                .body("response.publishedBy", equalTo("google reply API"));
    }

    @Test
    void aPublishedReplyCanBeUpdatedAndIsPostedAgainOnlyOnceApproved() {
        String name = googleName();
        String id = drafted(name);
        approve(id).statusCode(200);
        awaitStatus(id, "PUBLISHED");
        String firstPublished = given().get("/api/v1/reviews/" + id).then().extract().path("response.publishedAt");

        String update = "Hi Lena,\n\nA short update: the 12.50 for express is back on your card. Sorry again.\n\n— Maya";
        post(id, "response", Map.of("editedBy", "maya", "text", update)).statusCode(200)
                .body("response.status", equalTo("DRAFTED"));
        assertEquals(1, google.repliesTo(name).size(), "an edit is not posted without approval");
        approve(id).statusCode(200);
        awaitStatus(id, "PUBLISHED");

        assertEquals(2, google.repliesTo(name).size());
        assertEquals(update, JsonPath.from(google.repliesTo(name).get(1).getBodyAsString()).getString("comment"));
        given().get("/api/v1/reviews/" + id).then().body("response.publishedAt", equalTo(firstPublished));
    }

    @Test
    void anEditThatAddsPrivateDetailsOrGloatingIsRefusedAndChangesNothing() {
        String id = drafted(googleName());
        String before = given().get("/api/v1/reviews/" + id).then().extract().path("response.text");

        post(id, "response", Map.of("editedBy", "sam", "text",
                "Obviously we refunded €15.00 to lena@example.com, call +44 20 7946 0958."))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.type", hasItem("PRIVATE_DETAILS"))
                .body("errors.type", hasItem("GLOATING"))
                .body("errors.message", hasItem(containsString("€15.00")))
                .body("errors.message", hasItem(containsString("lena@example.com")));
        post(id, "response", Map.of("editedBy", "sam", "text", "That is not true, you should have read the label."))
                .statusCode(422).body("errors.type", containsInAnyOrder("ARGUING", "BLAME", "BLAME"));

        given().get("/api/v1/reviews/" + id).then().body("response.text", equalTo(before))
                .body("response.editedBy", equalTo(null));
    }

    @Test
    void aCleanEditIsKeptAndNeedsApprovalAgain() {
        String id = drafted(googleName());
        String text = "Hi Lena,\n\nThe 12.50 you paid for express is on its way back to you. Sorry it came late.\n\n— Maya";
        post(id, "response", Map.of("editedBy", "sam", "text", text)).statusCode(200)
                .body("response.text", equalTo(text))
                .body("response.status", equalTo("DRAFTED"))
                .body("response.editedBy", equalTo("maya@hearth.example"))
                .body("response.version", equalTo(2))
                .body("response.sentences[0].rule", equalTo("edited"));
    }

    @Test
    void aBusyPlatformIsTriedAgainUntilTheReplyIsPublished() {
        String name = googleName();
        google.failOnceFor(name, 503);
        String id = drafted(name);
        approve(id).statusCode(200);
        awaitStatus(id, "PUBLISHED");
        assertEquals(2, google.repliesTo(name).size());
        given().get("/api/v1/reviews/" + id).then().body("response.publishAttempts", equalTo(2));
    }

    @Test
    void aRefusedReplyFailsWithThePlatformsReasonAndCanBeRetriedOnceFixed() {
        String name = googleName();
        google.failFor(name, 404, "NOT_FOUND", "Requested entity was not found.");
        String id = drafted(name);
        approve(id).statusCode(200);
        awaitStatus(id, "FAILED");
        given().get("/api/v1/reviews/" + id).then()
                .body("response.publishError", equalTo("Google answered 404 (NOT_FOUND): Requested entity was not found."));
        assertEquals(1, google.repliesTo(name).size(), "a refusal is not retried by itself");
        given().queryParam("status", "FAILED").get("/api/v1/reviews").then()
                .body("id", hasItem(id));

        google.recover(name);
        given().post("/api/v1/reviews/" + id + "/retry").then().statusCode(200);
        awaitStatus(id, "PUBLISHED");
    }

    @Test
    void aPlatformThatStaysDownEndsInFailedAfterTheLastAttempt() {
        String name = googleName();
        google.failFor(name, 503, "UNAVAILABLE", "The service is currently unavailable.");
        String id = drafted(name);
        approve(id).statusCode(200);
        awaitStatus(id, "FAILED");
        given().get("/api/v1/reviews/" + id).then()
                .body("response.publishError", containsString("gave up after 3 attempts"));
        assertEquals(3, google.repliesTo(name).size());
    }

    @Test
    void aPlatformWithoutAReplyApiWaitsForAPersonToPostItByHand() {
        String id = push(TENANT, review("yelp-" + java.util.UUID.randomUUID(), 1, "Dee", "Rude staff.", Instant.now()))
                .statusCode(201).extract().path("id");
        approve(id).statusCode(200).body("response.status", equalTo("POST_BY_HAND"));
        post(id, "posted", Map.of()).statusCode(200)
                .body("response.status", equalTo("PUBLISHED")).body("response.publishedBy", equalTo("maya@hearth.example"));
    }

    @Test
    void aRejectedResponseIsNeverPublishedAndCannotBeApproved() {
        String name = googleName();
        String id = drafted(name);
        post(id, "reject", Map.of("rejectedBy", "maya", "reason", "The reviewer is a competitor; reported instead."))
                .statusCode(200).body("response.status", equalTo("REJECTED"));
        approve(id).statusCode(409).contentType("application/problem+json");
        assertEquals(0, google.repliesTo(name).size());
    }

    @Test
    void everyDecisionIsRecordedUnderTheSignedInCallerNotANameTypedIntoTheRequest() {
        String approved = drafted(googleName());
        post(approved, "approve", Map.of("approvedBy", "the.ceo")).statusCode(200)
                .body("response.approvedBy", equalTo("maya@hearth.example"));
        given().queryParam("subjectType", "review").queryParam("subjectId", approved).get("/api/v1/audit-trail")
                .then().statusCode(200).body("actor", everyItem(equalTo("maya@hearth.example")));
        String rejected = drafted(googleName());
        post(rejected, "reject", Map.of("rejectedBy", "the.ceo", "reason", "A competitor's review; reported."))
                .statusCode(200).body("response.rejectedBy", equalTo("maya@hearth.example"))
                .body("response.rejectionReason", equalTo("(typed name: the.ceo) A competitor's review; reported."));
    }

    @Test
    void approvingAnUnknownReviewOrWithAnOverlongNameIsAProblem() {
        String id = drafted(googleName());
        post(id, "approve", Map.of("approvedBy", "x".repeat(201))).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("approvedBy"));
        post(id, "approve", Map.of("version", 0)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("version"));
        post(id, "approve", Map.of("version", "first")).statusCode(400).contentType("application/problem+json");
        post(id, "approve", Map.of("version", 7, "olderVersion", true)).statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/reviews/" + id).then().body("response.status", equalTo("DRAFTED"));
        approve(java.util.UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theQueueListsTheOldestUnansweredFirst() {
        Instant now = Instant.now();
        String newer = push(TENANT, review(googleName(), 2, "B", "x", now.minus(Duration.ofHours(1))))
                .extract().path("id");
        String older = push(TENANT, review(googleName(), 2, "A", "x", now.minus(Duration.ofDays(400))))
                .extract().path("id");
        given().get("/api/v1/reviews").then().statusCode(200)
                .body("[0].id", equalTo(older)).body("id", hasItem(newer));
        given().queryParam("status", "SHOUTED").get("/api/v1/reviews").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", SignedIn.staffOf("nobody")).get("/api/v1/reviews").then().body("", hasSize(0));
    }
}
