package dev.amends.review.reviews;

import static dev.amends.review.reviews.ReviewTestData.bytes;
import static dev.amends.review.reviews.ReviewTestData.googleName;
import static dev.amends.review.reviews.ReviewTestData.push;
import static dev.amends.review.reviews.ReviewTestData.review;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.review.ReviewSignature;
import dev.amends.devkit.SignedIn;
import dev.amends.review.ReviewTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class ReviewIngestionIT {

    @BeforeAll
    static void signIn() {
        SignedIn.as(TENANT, SignedIn.EVERY_ROLE);
    }

    private static final String TENANT = "ingestion";

    private static List<String> queue() {
        return given().get("/api/v1/reviews").then().statusCode(200)
                .extract().path("id");
    }

    @Test
    void anUnsignedPushIsRefusedWith401AndChangesNothing() {
        String name = googleName();
        given().header("Amends-Tenant", TENANT).contentType("application/json")
                .body(bytes(review(name, 1, "Priya S.", "Late.", Instant.now()))).post("/api/v1/reviews")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:signature-invalid"));
        given().queryParam("platform", "GOOGLE").get("/api/v1/reviews")
                .then().body("findAll { it.authorName == 'Priya S.' }", hasSize(0));
    }

    @Test
    void aPushSignedWithAnotherSecretOrReplayedLaterIsRefusedWith403() {
        byte[] body = bytes(review(googleName(), 1, "Ivan P.", "Late.", Instant.now()));
        given().header("Amends-Tenant", TENANT).contentType("application/json")
                .header(WebhookSignature.HEADER, ReviewSignature.header("a-guess", Instant.now(), body))
                .body(body).post("/api/v1/reviews").then().statusCode(403).contentType("application/problem+json");
        given().header("Amends-Tenant", TENANT).contentType("application/json")
                .header(WebhookSignature.HEADER, ReviewSignature.header(ReviewTestResource.secretOf(TENANT),
                        Instant.now().minus(Duration.ofHours(1)), body))
                .body(body).post("/api/v1/reviews").then().statusCode(403);
    }

    @Test
    void aReviewWrittenInTheFutureOrInYearOneIsRefused() {
        for (Instant writtenAt : List.of(Instant.parse("2099-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.now().plus(Duration.ofHours(1)))) {
            push(TENANT, review(googleName(), 2, "Tim R.", "Late.", writtenAt)).statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("writtenAt"));
        }
        // A connector's clock a minute ahead is not a mistake.
        push(TENANT, review(googleName(), 2, "Tim R.", "Late.", Instant.now().plusSeconds(60))).statusCode(201);
    }

    @Test
    void aCapturedPushIsTakenOnceAndNeverIntoAnotherTenantOrAMadeUpOne() {
        Map<String, Object> pushed = review(googleName(), 1, "Olga T.", "Never arrived.", Instant.now());
        byte[] body = bytes(pushed);
        String signed = ReviewSignature.header(ReviewTestResource.secretOf(TENANT), Instant.now().minusSeconds(10),
                body);
        for (String elsewhere : List.of("globex", "made-up-tenant", "")) {
            given().header("Amends-Tenant", elsewhere).contentType("application/json")
                    .header(WebhookSignature.HEADER, signed).body(body).post("/api/v1/reviews")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Amends-Tenant", TENANT).contentType("application/json")
                .header(WebhookSignature.HEADER, signed).body(body).post("/api/v1/reviews").then().statusCode(201);
        given().header("Amends-Tenant", TENANT).contentType("application/json")
                .header(WebhookSignature.HEADER, signed).body(body).post("/api/v1/reviews").then().statusCode(403)
                .body("title", equalTo("The signature was used before"));

        for (String tenant : List.of("globex", "made-up-tenant")) {
            given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/reviews").then()
                    .statusCode(200).body("findAll { it.authorName == 'Olga T.' }", hasSize(0));
        }
        // Signed again, the same review is a repeated delivery: taken, and nothing changes.
        push(TENANT, pushed).statusCode(200);
    }

    @Test
    void aSignedNewReviewIsCreatedWithADraftWaitingForApproval() {
        String id = push(TENANT, review(googleName(), 2, "Lena K.", "The parcel arrived a week late.", Instant.now()))
                .statusCode(201).header("Location", containsString("/api/v1/reviews/"))
                .body("match.strength", equalTo("NONE"))
                .body("response.status", equalTo("DRAFTED"))
                .body("response.text", startsWith("Hi Lena,\n\nThank you for telling us plainly how the delivery"))
                .body("response.sentences.rule", hasItem("invite-offline"))
                .body("response.findings", hasSize(0))
                .body("revisions", hasSize(1)).extract().path("id");
        assertThat(queue(), hasItem(id));
    }

    @Test
    void aRepeatedDeliveryOfTheSameReviewChangesNothing() {
        Map<String, Object> body = review(googleName(), 3, "Omar F.", "Okay product, slow courier.", Instant.now());
        String id = push(TENANT, body).statusCode(201).extract().path("id");
        push(TENANT, body).statusCode(200).body("id", equalTo(id)).body("revisions", hasSize(1))
                .body("response.version", equalTo(1));
    }

    @Test
    void deliveriesOfOneReviewArrivingAtOnceMakeOneReview() {
        Map<String, Object> body = review(googleName(), 1, "Nia W.", "Still no parcel.", Instant.now());
        List<Integer> statuses = IntStream.range(0, 6).parallel()
                .mapToObj(i -> push(TENANT, body).extract().statusCode()).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    }

    @Test
    void anEditedReviewKeepsItsHistoryAndIsDraftedAgain() {
        Instant written = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = review(googleName(), 1, "Grace H.", "Broken on arrival.", written);
        String id = push(TENANT, body).statusCode(201).extract().path("id");

        body.put("rating", 4);
        body.put("text", "Broken on arrival, but they sent a new one within two days. Helpful team.");
        body.put("updatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        push(TENANT, body).statusCode(200).body("id", equalTo(id))
                .body("rating", equalTo(4))
                .body("revisions.rating", containsInAnyOrder(1, 4))
                .body("revisions[0].text", equalTo("Broken on arrival."))
                .body("response.version", equalTo(2))
                .body("response.sentences.rule", hasItem("thanks"))
                .body("response.sentences.rule", not(hasItem("apology.regret")));

        body.put("rating", 1);
        body.put("text", "An older version delivered late");
        body.put("updatedAt", written.plusSeconds(60).toString());
        push(TENANT, body).statusCode(200).body("rating", equalTo(4)).body("revisions", hasSize(2));
    }

    @Test
    void anInvalidReviewIsRefusedWithEveryProblemListed() {
        Map<String, Object> body = review(googleName(), 9, " ", "x", Instant.now());
        body.put("authorEmail", "not-an-address");
        body.put("language", "Deutsch; drop table review");
        push(TENANT, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("rating", "authorName", "authorEmail", "language"));

        Map<String, Object> google = review("ChZDSUhNMG9nS0VJQ0FnSUR", 2, "Kai", "meh", Instant.now());
        google.put("platform", "GOOGLE");
        push(TENANT, google).statusCode(400).body("errors[0].field", equalTo("platformReviewId"));
    }
}
