package dev.amends.review.tenancy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.review.ReviewTestResource;
import dev.amends.review.reviews.ReviewTestData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another tenant's supervisors see none of this tenant's reviews or case records and can decide none. */
@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class TenantIsolationIT {

    private static final String OTHER = SignedIn.staffOf("globex");

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void anotherTenantNeitherSeesNorAnswersThisTenantsReviews() {
        String id = ReviewTestData.push(SignedIn.TENANT, ReviewTestData.review(ReviewTestData.googleName(), 1,
                "Ana", "Late parcel, nobody answered.", Instant.now())).statusCode(201).extract().path("id");

        given().header("Authorization", OTHER).get("/api/v1/reviews").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().header("Authorization", OTHER).get("/api/v1/reviews/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(Map.of("approvedBy", "intruder"))
                .post("/api/v1/reviews/" + id + "/approve").then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body(Map.of("rejectedBy", "intruder", "reason", "not ours"))
                .post("/api/v1/reviews/" + id + "/reject").then().statusCode(404);
        given().header("Authorization", SignedIn.staffOf("outsider")).get("/api/v1/reviews/stats").then()
                .statusCode(200).body("reviews", equalTo(0));

        given().get("/api/v1/reviews/" + id).then().statusCode(200).body("response.status", equalTo("DRAFTED"));
    }

    @Test
    void anotherTenantCannotReadNorMatchAgainstThisTenantsCaseRecord() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("20", "EUR"));
        TestInfrastructure.shared().kafka().publish(complaint, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/case-records/" + complaint.complaintId()).then().statusCode(200));

        given().header("Authorization", OTHER).get("/api/v1/case-records/" + complaint.complaintId())
                .then().statusCode(404);
        String theirs = ReviewTestData.push("globex", ReviewTestData.review(ReviewTestData.googleName(), 2, "Ben",
                "Meh.", Instant.now())).statusCode(201).extract().path("id");
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body(Map.of("complaintId", complaint.complaintId().toString(), "confirmedBy", "intruder"))
                .post("/api/v1/reviews/" + theirs + "/match").then().statusCode(404);
    }
}
