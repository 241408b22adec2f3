package dev.amends.intake.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import dev.amends.intake.complaint.ComplaintRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class IdempotentFilingIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void aRetriedPostWithTheSameKeyAnswersWithTheSameComplaintAndFilesNothingNew() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String key = UUID.randomUUID().toString();

        Response first = post(key, request);
        Response retry = post(key, request);

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.path("id").toString(), retry.path("id").toString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals("false", first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        given().queryParam("customerId", ComplaintRequests.customerId(request)).get("/api/v1/complaints")
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422AndChangesNothing() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String key = UUID.randomUUID().toString();
        post(key, request).then().statusCode(201);

        request.put("summary", "Something else entirely");
        post(key, request).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:idempotency-key-reused"))
                .body("detail", containsString(key));
        given().queryParam("customerId", ComplaintRequests.customerId(request)).get("/api/v1/complaints")
                .then().body("items.size()", equalTo(1))
                .body("items[0].summary", equalTo("Fridge delivered two weeks late"));
    }

    @Test
    void identicalPostsRacingInParallelFileOneComplaint() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Response>> racers = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return post(key, request);
                }))
                .toList();
        start.countDown();
        List<Response> answers = racers.stream().map(CompletableFuture::join).toList();

        assertEquals(Set.of(201), answers.stream().map(Response::statusCode).collect(Collectors.toSet()));
        assertEquals(1, answers.stream().map(r -> r.path("id").toString()).distinct().count());
        given().queryParam("customerId", ComplaintRequests.customerId(request)).get("/api/v1/complaints")
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void keysOfDifferentTenantsDoNotMeet() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Authorization", SignedIn.staffOf("brand-a")).body(request).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Authorization", SignedIn.staffOf("brand-b")).body(request).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
        assertEquals(false, first.equals(second));
    }

    private static Response post(String key, Map<String, Object> request) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(request)
                .post("/api/v1/complaints");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
