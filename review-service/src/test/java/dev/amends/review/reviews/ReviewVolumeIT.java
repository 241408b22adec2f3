package dev.amends.review.reviews;

import static dev.amends.review.reviews.ReviewTestData.complaint;
import static dev.amends.review.reviews.ReviewTestData.googleName;
import static dev.amends.review.reviews.ReviewTestData.push;
import static dev.amends.review.reviews.ReviewTestData.review;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.Topic;
import dev.amends.contract.recovery.Fault;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.review.ReviewTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A bad day for review-service: thousands of reviews wait for their case, written by people who
 * share a handful of names, and a thousand complaints by people with those names arrive. The
 * consumer keeps up (its lag is back to 0 within two minutes on the 2-core CI machine), no batch
 * runs out of time, and no event is dead-lettered.
 */
@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class ReviewVolumeIT {

    private static final String TENANT = "volume";
    private static final List<String> FIRST = List.of("Maria", "John", "Anna", "David");
    private static final List<String> LAST = List.of("Garcia", "Smith", "Müller", "Jones");
    private static final int REVIEWS = 2100;
    private static final int COMPLAINTS = 1000;
    private static final Duration KEEPS_UP_WITHIN = Duration.ofMinutes(2);

    @Inject
    MeterRegistry registry;

    @Test
    void thousandsOfWaitingReviewsSharingAFewNamesDoNotStallTheCasesThatArriveAfterThem() {
        SignedIn.asPerson(TENANT, "ops@volume.example", SignedIn.EVERY_ROLE);
        Instant now = Instant.now();
        // Pushed by four connectors at once, as a platform catching up would.
        List<String> ids = new ForkJoinPool(4).submit(() -> IntStream.range(0, REVIEWS).parallel().mapToObj(i -> {
            // "Maria Garcia" and "Maria G." alike: each arriving Maria Garcia fits hundreds of them.
            String last = LAST.get((i / FIRST.size()) % LAST.size());
            String author = FIRST.get(i % FIRST.size()) + " " + (i % 2 == 0 ? last : last.charAt(0) + ".");
            return push(TENANT, review(googleName(), 2, author, "Slow delivery and nobody called me back.",
                    now.minus(Duration.ofMinutes(i)))).statusCode(201).extract().<String>path("id");
        }).toList()).join();
        given().get("/api/v1/reviews/" + ids.get(0)).then().body("match.strength", equalTo("NONE"));
        double splits = total("amends.inbox.batches.split");
        double deadLetters = total("amends.events.dead.lettered");

        Instant published = Instant.now();
        for (int i = 0; i < COMPLAINTS; i++) {
            String name = FIRST.get(i % FIRST.size()) + " " + LAST.get((i / FIRST.size()) % LAST.size());
            complaint(TENANT, name, "VOL-" + i, Fault.COMPANY, now.minus(Duration.ofMinutes(3 * i)));
        }
        List<String> topics = Stream.of(Topic.COMPLAINTS, Topic.RECOVERIES, Topic.NOTIFICATIONS).map(Topic::topicName)
                .toList();
        await().atMost(KEEPS_UP_WITHIN).pollInterval(Duration.ofSeconds(1))
                .until(() -> TestInfrastructure.shared().kafka().lag("review-service", topics) == 0);
        System.out.printf("review-service: %d complaints over %d waiting reviews applied, lag back to 0 in %d s%n",
                COMPLAINTS, REVIEWS, Duration.between(published, Instant.now()).toSeconds());

        assertEquals(splits, total("amends.inbox.batches.split"), "no batch ran out of time or lost a deadlock");
        assertEquals(deadLetters, total("amends.events.dead.lettered"), "no event was dead-lettered");
        // Some sixty Maria Garcias filed within the window: no one of them is pointed at.
        given().get("/api/v1/reviews/" + ids.get(0)).then().body("match.strength", equalTo("AMBIGUOUS"))
                .body("match.complaintId", nullValue());
    }

    private double total(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
