package dev.amends.review.stats;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.devkit.SignedIn;
import dev.amends.review.ReviewTestResource;
import dev.amends.review.reviews.ReviewTestData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class ReviewStatsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void statsShowTheRatingAnsweredShareTimeToAnswerAndTheRatingAfterARecovery() {
        String tenant = "stats";
        SignedIn.as(tenant, SignedIn.EVERY_ROLE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        String answered = ReviewTestData.push(tenant, ReviewTestData.review(ReviewTestData.googleName(), 2, "Ana",
                "Late parcel.", now.minus(Duration.ofHours(30)))).extract().path("id");
        given().contentType("application/json").body(Map.of("approvedBy", "maya"))
                .post("/api/v1/reviews/" + answered + "/approve").then().statusCode(200);
        ReviewTestData.push(tenant, ReviewTestData.review(ReviewTestData.googleName(), 5, "Ben", "Lovely team.",
                now.minus(Duration.ofDays(3))));

        // A reviewer who was recovered comes back and changes one star to four.
        ComplaintReceived complaint = ReviewTestData.complaint(tenant, "Cleo Marsh", "ORD-STATS-"
                + UUID.randomUUID().toString().substring(0, 4), Fault.COMPANY, now.minus(Duration.ofDays(6)));
        ReviewTestData.issued(complaint, MakeGoodKind.REFUND, now.minus(Duration.ofDays(3)));
        ReviewTestData.awaitFacts(complaint, 1);
        Map<String, Object> recovered = ReviewTestData.review(ReviewTestData.googleName(), 1, "Cleo M.",
                "Fridge never came.", now.minus(Duration.ofDays(5)));
        recovered.put("orderReference", complaint.orderReference());
        ReviewTestData.push(tenant, recovered).statusCode(201);
        recovered.put("rating", 4);
        recovered.put("text", "Fridge came late, but they refunded me quickly and said sorry properly.");
        recovered.put("updatedAt", now.toString());
        ReviewTestData.push(tenant, recovered).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/reviews/" + answered)
                .then().body("response.status", equalTo("PUBLISHED")));

        List<Integer> perMonth = given().get("/api/v1/reviews/stats").then()
                .statusCode(200)
                .body("reviews", equalTo(3))
                .body("answered", equalTo(1))
                .body("answeredShare", equalTo(0.33f))
                .body("medianTimeToAnswer", notNullValue())
                .body("afterRecovery.recovered", equalTo(1))
                .body("afterRecovery.updated", equalTo(1))
                .body("afterRecovery.ratingBefore", equalTo(1.0f))
                .body("afterRecovery.ratingAfter", equalTo(4.0f))
                .body("afterRecovery.improved", equalTo(1))
                .body("afterRecovery.worsened", equalTo(0))
                .extract().path("ratingByMonth.reviews");
        assertEquals(3, perMonth.stream().mapToInt(Integer::intValue).sum());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString("amends_reviews_received_total{platform=\"GOOGLE\",stars=\"5\"}"))
                .body(containsString("amends_reviews_rating_count{platform=\"GOOGLE\"}"))
                .body(containsString("amends_reviews_answered_total{platform=\"GOOGLE\"}"))
                .body(containsString("amends_reviews_time_to_answer_seconds_bucket{platform=\"GOOGLE\""))
                .body(containsString("amends_reviews_unanswered{status=\"DRAFTED\"}"))
                .body(containsString("amends_reviews_oldest_unanswered_age_seconds")));

        given().queryParam("platform", "YELP").get("/api/v1/reviews/stats").then()
                .statusCode(200).body("reviews", equalTo(0));
        given().queryParam("from", "last tuesday").get("/api/v1/reviews/stats").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
