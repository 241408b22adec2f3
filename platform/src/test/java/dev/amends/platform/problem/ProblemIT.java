package dev.amends.platform.problem;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.platform.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Every error is problem+json that names the field at fault by its path in the request. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProblemIT {

    @Test
    void eachInvalidFieldIsNamedByItsPathThroughObjectsAndLists() {
        given().contentType("application/json").body("""
                {"total": {"amount": "10.00", "currency": "XYZ"},
                 "lines": [{"item": "kettle", "price": {"amount": "5.00", "currency": "EUR"}},
                           {"item": " ", "price": {"amount": "-5.00", "currency": "EUR"}}]}
                """)
                .post("/api/test/refunds")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/test/refunds"))
                .body("errors.field", containsInAnyOrder("total.currency", "lines[1].item", "lines[1].price.amount"))
                .body("errors.find { it.field == 'total.currency' }.type", equalTo(ProblemType.UNKNOWN_CURRENCY.uri()))
                .body("errors.find { it.field == 'lines[1].price.amount' }.type",
                        equalTo(ProblemType.NEGATIVE_AMOUNT.uri()));
    }

    @Test
    void aValueOfTheWrongTypeDeepInTheBodyIsNamedByItsPath() {
        given().contentType("application/json").body("""
                {"total": {"amount": "10.00", "currency": "EUR"},
                 "lines": [{"item": "kettle", "price": {"amount": {"nested": true}, "currency": "EUR"}}]}
                """)
                .post("/api/test/refunds")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(ProblemType.MALFORMED_JSON.uri()))
                .body("errors[0].field", equalTo("lines[0].price.amount"));
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemWithoutAField() {
        given().contentType("application/json").body("{\"total\": ")
                .post("/api/test/refunds")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(ProblemType.MALFORMED_JSON.uri()));
    }

    @Test
    void aRequestBeyondTheWorkInFlightIsAnsweredAtOnceWith503AndRetryAfter() throws Exception {
        RefundResource.held = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            // amends.admission.max-in-flight is 2 in the test application.
            List<CompletableFuture<Integer>> admitted = List.of(
                    CompletableFuture.supplyAsync(() -> given().post("/api/test/held").statusCode(), clients),
                    CompletableFuture.supplyAsync(() -> given().post("/api/test/held").statusCode(), clients));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/metrics").asString()
                    .contains("amends_api_in_flight 2.0"));
            Response refused = given().contentType("application/json").body("{}").post("/api/test/refunds");
            assertEquals(503, refused.statusCode());
            assertEquals(Problem.MEDIA_TYPE, refused.contentType());
            assertEquals("1", refused.header("Retry-After"));
            assertEquals(ProblemType.TEMPORARILY_UNAVAILABLE.uri(), refused.jsonPath().getString("type"));
            RefundResource.held.countDown();
            for (CompletableFuture<Integer> request : admitted) {
                assertEquals(200, request.get());
            }
        } finally {
            RefundResource.held.countDown();
            clients.shutdown();
        }
        // With the work done, requests are admitted again.
        given().contentType("application/json").body("{}").post("/api/test/refunds").then().statusCode(400);
    }
}
