package dev.amends.load;

import dev.amends.contract.review.ReviewSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Some customers take it online once they hear back: posts a one-star review naming their order,
 * signed as a review connector signs it, to review-service.
 */
final class Reviewer {

    private final HttpClient http;
    private final URI reviews;
    private final String secret;
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    Reviewer(HttpClient http, URI review, String secret) {
        this.http = http;
        this.reviews = review.resolve("/api/v1/reviews");
        this.secret = secret;
    }

    void review(ComplaintMix.Complaint complaint) {
        String body = "{\"platform\":\"GOOGLE\",\"platformReviewId\":\"accounts/1/locations/1/reviews/"
                + complaint.orderReference() + "\",\"rating\":1,\"authorName\":\"" + complaint.customerName()
                + "\",\"text\":\"Took ages, nobody answered and I got nothing for it.\",\"writtenAt\":\""
                + Instant.now() + "\",\"orderReference\":\"" + complaint.orderReference() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(reviews).header("Content-Type", "application/json")
                .header("Amends-Tenant", "local")
                .header(ReviewSignature.HEADER, ReviewSignature.header(secret, Instant.now(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 201) {
                posted.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        });
    }

    int posted() {
        return posted.get();
    }

    int failed() {
        return failed.get();
    }
}
