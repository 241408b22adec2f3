package dev.amends.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.contract.review.ReviewSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Some customers take it online: posts a one-star review, signed as a review connector signs it,
 * to review-service. The plain run's customers name their order once they have heard back; the
 * soak's sometimes write before their complaint, sign with their initial, or leave the order out.
 */
final class Reviewer {

    private final HttpClient http;
    private final URI reviews;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    Reviewer(HttpClient http, URI review, String secret) {
        this.http = http;
        this.reviews = review.resolve("/api/v1/reviews");
        this.secret = secret;
    }

    void review(ComplaintMix.Complaint complaint) {
        post(complaint, complaint.customerName(), true, Instant.now());
    }

    /** Posts the review; the stage gives its id in review-service, or null when it was refused. */
    CompletableFuture<String> post(ComplaintMix.Complaint complaint, String author, boolean namesOrder,
            Instant writtenAt) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("platform", "GOOGLE");
        review.put("platformReviewId", "accounts/1/locations/1/reviews/" + complaint.orderReference());
        review.put("rating", 1);
        review.put("authorName", author);
        review.put("text", "Took ages, nobody answered and I got nothing for it.");
        review.put("writtenAt", writtenAt.toString());
        if (namesOrder) {
            review.put("orderReference", complaint.orderReference());
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(review);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(reviews).header("Content-Type", "application/json")
                .header("Amends-Tenant", "local")
                .header(ReviewSignature.HEADER, ReviewSignature.header(secret, Instant.now(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure == null && response.statusCode() == 201) {
                posted.incrementAndGet();
                try {
                    return json.readTree(response.body()).path("id").asText();
                } catch (JsonProcessingException e) {
                    return null;
                }
            }
            failed.incrementAndGet();
            return null;
        });
    }

    int posted() {
        return posted.get();
    }

    int failed() {
        return failed.get();
    }
}
