package dev.amends.review.reviews;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.FeedbackReceived;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.review.ReviewSignature;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.review.ReviewTestResource;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pushes signed reviews and seeds case records through the real broker, for the review tests. */
public final class ReviewTestData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KafkaTestClient KAFKA = TestInfrastructure.shared().kafka();

    private ReviewTestData() {
    }

    public static String googleName() {
        return "accounts/1070/locations/2044/reviews/" + UUID.randomUUID();
    }

    public static Map<String, Object> review(String platformReviewId, int rating, String author, String text,
            Instant writtenAt) {
        Map<String, Object> review = new HashMap<>();
        review.put("platform", platformReviewId.startsWith("accounts/") ? "GOOGLE" : "YELP");
        review.put("platformReviewId", platformReviewId);
        review.put("rating", rating);
        review.put("authorName", author);
        review.put("text", text);
        review.put("writtenAt", writtenAt.toString());
        return review;
    }

    /** The earliest second each body was signed at so far: a body pushed again is signed a second earlier. */
    private static final Map<String, Instant> SIGNED = new HashMap<>();

    public static byte[] bytes(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pushes a review as its tenant's connector would. Each push of the same body is signed at a
     * second of its own, the way a connector signs each delivery when it sends it: the same
     * signature twice is a replay.
     */
    public static ValidatableResponse push(String tenant, Map<String, Object> body) {
        byte[] bytes = bytes(body);
        Instant signedAt = signedAt(tenant + new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        return given().header("Amends-Tenant", tenant).contentType("application/json")
                .header(WebhookSignature.HEADER,
                        ReviewSignature.header(ReviewTestResource.secretOf(tenant), signedAt, bytes))
                .body(bytes).post("/api/v1/reviews").then();
    }

    /** Now, or a second before this body was last signed, whichever is earlier: never the same second twice. */
    private static synchronized Instant signedAt(String body) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant earlier = SIGNED.get(body);
        Instant at = earlier == null || earlier.minusSeconds(1).isAfter(now) ? now : earlier.minusSeconds(1);
        SIGNED.put(body, at);
        return at;
    }

    /** The e-mail address the customer of {@link #complaint} has: only a digest of it reaches review-service. */
    public static String email(ComplaintReceived complaint) {
        return emailOf(complaint.customer().name(), complaint.customer().id().substring("CUST-".length()));
    }

    private static String emailOf(String name, String id) {
        return name.split(" ")[0].toLowerCase() + "." + id + "@example.com";
    }

    /** A complaint as intake announces it, for a named customer, filed at a given time. */
    public static ComplaintReceived complaint(String tenant, String name, String orderReference, Fault fault,
            Instant receivedAt) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = SampleEvents.customer(tenant, "CUST-" + id, name, emailOf(name, id), "+4915112345678",
                ContactChannel.EMAIL, "en", "Europe/London");
        ComplaintReceived complaint = new ComplaintReceived(tenant, UUID.randomUUID(), customer, ContactChannel.EMAIL,
                ComplaintCategory.DELIVERY, "Fridge delivered two weeks late", orderReference,
                Money.of("39.90", "EUR"), receivedAt.minus(Duration.ofDays(1)), "ZD-" + id, null, receivedAt, fault, null);
        KAFKA.publish(complaint, UUID.randomUUID());
        return complaint;
    }

    public static MakeGoodIssued issued(ComplaintReceived complaint, MakeGoodKind kind, Instant at) {
        MakeGood makeGood = new MakeGood(kind, Money.of("39.90", "EUR"), kind + " of the delivery fee");
        MakeGoodIssued issued = new MakeGoodIssued(complaint.tenant(), complaint.complaintId(), UUID.randomUUID(),
                null, complaint.customer(), complaint.summary(), makeGood,
                List.of(new LedgerLine(UUID.randomUUID(), makeGood)), AuthorityLevel.AUTOMATIC, "policy",
                null, 1, at, 1);
        KAFKA.publish(issued, UUID.randomUUID());
        return issued;
    }

    public static CustomerNotified notified(ComplaintReceived complaint, MessageKind kind, Instant at) {
        CustomerNotified notified = new CustomerNotified(complaint.tenant(), complaint.complaintId(),
                complaint.customer().id(), UUID.randomUUID(), kind, ContactChannel.EMAIL, at, 1);
        KAFKA.publish(notified, UUID.randomUUID());
        return notified;
    }

    /** The customer's answer to the follow-up: "yes, fixed" or "no, not yet". */
    public static FeedbackReceived feedback(ComplaintReceived complaint, boolean fixed, Instant at) {
        FeedbackReceived feedback = new FeedbackReceived(complaint.tenant(), complaint.complaintId(),
                complaint.customer().id(), 1, fixed, UUID.randomUUID(), ContactChannel.EMAIL, at);
        KAFKA.publish(feedback, UUID.randomUUID());
        return feedback;
    }

    /** Waits until the case record shows this many facts: the events have all been read. */
    public static void awaitFacts(ComplaintReceived complaint, int facts) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/case-records/" + complaint.complaintId()).then().statusCode(200)
                .body("facts", hasSize(facts)).body("receivedAt", notNullValue()));
    }
}
