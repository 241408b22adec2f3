package dev.amends.platform.problem;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.platform.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    void textThatCannotBeKeptExactlyIsRefusedNamingItsField() {
        for (String item : List.of("ket\\u0000tle", "ket\\ud800tle", "\\udc00")) {
            given().contentType("application/json").body("""
                    {"total": {"amount": "10.00", "currency": "EUR"},
                     "lines": [{"item": "%s", "price": {"amount": "5.00", "currency": "EUR"}}]}
                    """.formatted(item))
                    .post("/api/test/refunds")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo(ProblemType.MALFORMED_JSON.uri()))
                    .body("errors[0].field", equalTo("lines[0].item"))
                    .body("errors[0].message", startsWith("must not contain"));
        }
        // A pair of surrogates is one character, kept as it is.
        given().contentType("application/json").body("""
                {"total": {"amount": "10.00", "currency": "EUR"},
                 "lines": [{"item": "kettle \\ud83d\\ude00", "price": {"amount": "5.00", "currency": "EUR"}}]}
                """).post("/api/test/refunds").then().statusCode(200);
    }

    @Test
    void amountsAndCurrenciesACrmCouldOnlySendByMistakeAreRefused() {
        for (String amount : List.of("\"1e3\"", "1e3", "\"+5.00\"", "\" 5\"", "\"5.\"", "\"0x10\"")) {
            given().contentType("application/json").body("""
                    {"total": {"amount": %s, "currency": "EUR"},
                     "lines": [{"item": "kettle", "price": {"amount": "5.00", "currency": "EUR"}}]}
                    """.formatted(amount))
                    .post("/api/test/refunds")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors[0].field", equalTo("total.amount"))
                    .body("errors[0].message", startsWith("must be written as digits"));
        }
        for (String currency : List.of("XXX", "XAU", "XDR")) {
            given().contentType("application/json").body("""
                    {"total": {"amount": "5", "currency": "%s"},
                     "lines": [{"item": "kettle", "price": {"amount": "5.00", "currency": "EUR"}}]}
                    """.formatted(currency))
                    .post("/api/test/refunds")
                    .then().statusCode(400).body("errors[0].type", equalTo(ProblemType.UNKNOWN_CURRENCY.uri()));
        }
        given().contentType("application/json").body("""
                {"total": {"amount": 5.5, "currency": "EUR"},
                 "lines": [{"item": "kettle", "price": {"amount": "5", "currency": "JPY"}}]}
                """).post("/api/test/refunds").then().statusCode(200);
    }

    @Test
    void aNulInThePathOrQueryIsRefusedAsAProblem() {
        for (String uri : List.of("/api/test/refunds/CUST%001", "/api/test/refunds/CUST-1?since=2026%00")) {
            given().urlEncodingEnabled(false).get(uri).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString("NUL"));
        }
    }

    @Test
    void anInstantNoDatabaseCanHoldIsRefusedAsAProblem() {
        for (String since : List.of("+100000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            given().queryParam("since", since).get("/api/test/refunds/CUST-1").then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("since"));
        }
        given().queryParam("since", "2026-11-01T00:00:00Z").get("/api/test/refunds/CUST-1").then().statusCode(200);
    }

    @Test
    void aUrlTooLongIsAProblemNotABareStatus() {
        given().queryParam("since", "x".repeat(9000)).get("/api/test/refunds/CUST-1").then().statusCode(414)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(414));
    }

    @Test
    void aChunkedBodyOverTheLimitIsAProblemNotAnEmpty413() throws Exception {
        byte[] big = ("{\"lines\": [" + "\"x\",".repeat(100000) + "\"x\"]}").getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/test/refunds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains(ProblemType.PAYLOAD_TOO_LARGE.uri()), response.body());

        byte[] small = """
                {"total": {"amount": "10.00", "currency": "EUR"},
                 "lines": [{"item": "kettle", "price": {"amount": "5.00", "currency": "EUR"}}]}
                """.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> within = client.send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/test/refunds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, within.statusCode(), within.body());
    }

    @Test
    void anUnsupportedMediaTypeIsAnsweredInOurOwnWords() {
        given().contentType("text/plain").body("hello").post("/api/test/refunds").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", not(containsString("application/json")))
                .body("detail", containsString("OpenAPI document"));
    }

    @Test
    void anUnexpectedFailureIsLoggedByItsRouteNeverByAPathThatHoldsACustomersId() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        logger.addHandler(capture);
        try {
            given().get("/api/test/refunds/CUST-explode-4711").then().statusCode(500).contentType(Problem.MEDIA_TYPE);
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("GET /api/test/refunds/{customerId}")), logged.toString());
        assertTrue(logged.stream().noneMatch(line -> line.contains("CUST-explode-4711")), logged.toString());
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
