package dev.amends.review.reviews;

import static dev.amends.review.reviews.ReviewTestData.awaitFacts;
import static dev.amends.review.reviews.ReviewTestData.complaint;
import static dev.amends.review.reviews.ReviewTestData.googleName;
import static dev.amends.review.reviews.ReviewTestData.issued;
import static dev.amends.review.reviews.ReviewTestData.notified;
import static dev.amends.review.reviews.ReviewTestData.push;
import static dev.amends.review.reviews.ReviewTestData.review;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.devkit.SignedIn;
import dev.amends.review.ReviewTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching and drafting against case records built from real events on the broker. */
@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class ReviewDraftsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asPerson(TENANT, "maya@hearth.example", SignedIn.EVERY_ROLE);
    }

    private static final String TENANT = "hearth";

    @Test
    void aReviewWithTheOrderReferenceIsAnsweredWithCounterpointsThatLinkToTheirRecords() {
        Instant received = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.MICROS);
        String order = "ORD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ComplaintReceived complaint = complaint(TENANT, "Priya Shah", order, Fault.COMPANY, received);
        MakeGoodIssued refund = issued(complaint, MakeGoodKind.REFUND, received.plus(Duration.ofMinutes(3)));
        CustomerNotified apology = notified(complaint, MessageKind.APOLOGY, received.plus(Duration.ofMinutes(4)));
        awaitFacts(complaint, 2);

        Map<String, Object> body = review(googleName(), 1, "Priya S.",
                "Fridge came two weeks late, nobody answered my emails and I never got my refund.", Instant.now());
        body.put("orderReference", order);
        push(TENANT, body).statusCode(201)
                .body("match.strength", equalTo("STRONG"))
                .body("match.usedAsFact", equalTo(true))
                .body("match.complaintId", equalTo(complaint.complaintId().toString()))
                .body("response.counterpoints.claim", hasItems("NO_REFUND", "NO_REPLY"))
                .body("response.counterpoints.find { it.claim == 'NO_REFUND' }.reviewerSaid",
                        equalTo("never got my refund"))
                .body("response.counterpoints.find { it.claim == 'NO_REFUND' }.evidence[0].href",
                        equalTo("/api/v1/case-records/" + complaint.complaintId() + "#fact-"
                                + refund.entries().get(0).entryId()))
                .body("response.counterpoints.find { it.claim == 'NO_REPLY' }.evidence[0].factId",
                        equalTo(apology.messageId().toString()))
                .body("response.sentences.rule", hasItems("apology.responsibility", "counterpoint.no-refund",
                        "counterpoint.no-reply"))
                .body("response.text", containsString("show that we replied on"))
                .body("response.text", not(containsString("39.90")))
                .body("response.text", not(containsString(order)))
                .body("response.text", not(containsString("Shah")))
                .body("response.findings", hasSize(0));

        given().get("/api/v1/case-records/" + complaint.complaintId()).then()
                .body("facts.id", hasItem(refund.entries().get(0).entryId().toString()))
                .body("facts.find { it.kind == 'MAKE_GOOD_ISSUED' }.detail", equalTo("REFUND"));
    }

    @Test
    void aReviewerWhoseEmailThePlatformPassesOnIsMatchedAsFact() {
        Instant received = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        ComplaintReceived complaint = complaint(TENANT, "Marek Nowak", null, Fault.SHARED, received);
        issued(complaint, MakeGoodKind.ACCOUNT_CREDIT, received.plus(Duration.ofMinutes(1)));
        awaitFacts(complaint, 1);

        Map<String, Object> body = review(googleName(), 2, "M. N.", "Late delivery and got nothing for it.",
                Instant.now());
        body.put("authorEmail", ReviewTestData.email(complaint).toUpperCase());
        push(TENANT, body).statusCode(201)
                .body("match.strength", equalTo("STRONG"))
                .body("response.counterpoints[0].statement", containsString("we added a credit to your account"))
                .body("response.text", not(containsString(ReviewTestData.email(complaint))));
    }

    @Test
    void aNameOnlyMatchIsASuggestionUntilAPersonConfirmsIt() {
        Instant received = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.MICROS);
        String name = "Zoë O'Brien-" + UUID.randomUUID().toString().substring(0, 4);
        ComplaintReceived complaint = complaint(TENANT, name, null, Fault.COMPANY, received);
        issued(complaint, MakeGoodKind.REFUND, received.plus(Duration.ofMinutes(2)));
        awaitFacts(complaint, 1);

        String id = push(TENANT, review(googleName(), 1, name, "Late fridge and I never got a refund.", Instant.now()))
                .statusCode(201)
                .body("match.strength", equalTo("WEAK"))
                .body("match.usedAsFact", equalTo(false))
                .body("match.complaintId", equalTo(complaint.complaintId().toString()))
                .body("match.reason", containsString("suggestion"))
                .body("response.counterpoints", hasSize(0))
                .body("response.sentences.rule", not(hasItem("apology.responsibility")))
                .extract().path("id");

        given().contentType("application/json")
                .body(Map.of("complaintId", complaint.complaintId(), "confirmedBy", "maya@hearth.example"))
                .post("/api/v1/reviews/" + id + "/match").then().statusCode(200)
                .body("match.strength", equalTo("CONFIRMED"))
                .body("match.confirmedBy", equalTo("maya@hearth.example"))
                .body("response.counterpoints[0].claim", equalTo("NO_REFUND"))
                .body("response.sentences.rule", hasItem("apology.responsibility"));
    }

    @Test
    void aReviewNothingPointsToIsAnsweredWithoutTheRecord() {
        push(TENANT, review(googleName(), 1, "Anonymous Owl", "Nobody answered and I never got my refund.",
                Instant.now())).statusCode(201)
                .body("match.strength", equalTo("NONE"))
                .body("match.confidence", equalTo(0.0f))
                .body("response.counterpoints", hasSize(0))
                .body("response.text", containsString("Please get in touch at https://hearth.example/help"));
    }

    @Test
    void confirmingACaseThatHasNoRecordIs404() {
        String id = push(TENANT, review(googleName(), 2, "Rui", "Meh.", Instant.now())).extract().path("id");
        given().contentType("application/json")
                .body(Map.of("complaintId", UUID.randomUUID(), "confirmedBy", "maya"))
                .post("/api/v1/reviews/" + id + "/match").then().statusCode(404).contentType("application/problem+json");
    }
}
