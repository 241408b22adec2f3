package dev.amends.intake.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class ComplaintListingIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void complaintsAreListedOldestFirstInPagesLinkedByNext() {
        String crmRef = "ZD-" + UUID.randomUUID();
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            filed.add(file(crmRef, null));
        }

        Response first = given().queryParam("crmRef", crmRef).queryParam("limit", 3).get("/api/v1/complaints");
        first.then().statusCode(200).body("items.size()", equalTo(3));
        String next = first.path("next");
        assertEquals("<" + next + ">; rel=\"next\"", first.header("Link"));

        List<String> listed = new ArrayList<>(first.path("items.id"));
        while (next != null) {
            Response page = given().urlEncodingEnabled(false).get(next);
            listed.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertEquals(filed, listed);
    }

    @Test
    void pagingWhileComplaintsAreFiledNeitherRepeatsNorSkipsAny() {
        String crmRef = "ZD-" + UUID.randomUUID();
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            before.add(file(crmRef, null));
        }

        List<String> listed = new ArrayList<>();
        Response page = given().queryParam("crmRef", crmRef).queryParam("limit", 4).get("/api/v1/complaints");
        while (true) {
            listed.addAll(page.path("items.id"));
            // Two more complaints arrive between every two pages.
            file(crmRef, null);
            file(crmRef, null);
            String next = page.path("next");
            if (next == null || listed.size() >= 20) {
                break;
            }
            page = given().urlEncodingEnabled(false).get(next);
        }

        assertEquals(listed.size(), new HashSet<>(listed).size(), "no complaint listed twice: " + listed);
        assertTrue(listed.containsAll(before), "every complaint filed before paging began is listed");
    }

    @Test
    void filtersNarrowTheListing() {
        String crmRef = "ZD-" + UUID.randomUUID();
        Instant start = Instant.now();
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("crmReference", crmRef);
        String customerId = ComplaintRequests.customerId(request);
        given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints").then().statusCode(201);
        file(crmRef, null);

        given().queryParam("customerId", customerId).get("/api/v1/complaints")
                .then().body("items.size()", equalTo(1)).body("items[0].customerId", equalTo(customerId))
                .body("next", nullValue());
        given().queryParam("crmRef", crmRef).queryParam("status", "RECEIVED").get("/api/v1/complaints")
                .then().body("items.size()", equalTo(2));
        given().queryParam("crmRef", crmRef).queryParam("status", "CUSTOMER_NOTIFIED").get("/api/v1/complaints")
                .then().body("items.size()", equalTo(0));
        given().queryParam("crmRef", crmRef).queryParam("since", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/complaints").then().body("items.size()", equalTo(0));
        given().queryParam("crmRef", crmRef).queryParam("since", start.minusSeconds(1).toString())
                .get("/api/v1/complaints").then().body("items.size()", equalTo(2));
    }

    @Test
    void complaintsAreFoundByOrderReferenceRootCauseAndDateRangeNewestFirstWhenAsked() {
        String crmRef = "ZD-" + UUID.randomUUID();
        String order = "ORD-" + UUID.randomUUID();
        Instant start = Instant.now();
        String first = fileFor(crmRef, order);
        String second = fileFor(crmRef, order);
        String secondReceived = given().get("/api/v1/complaints/" + second).then().extract().path("receivedAt");
        fileFor(crmRef, "ORD-other");

        given().queryParam("orderRef", order).queryParam("order", "newest").get("/api/v1/complaints")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(second, first));
        given().queryParam("orderRef", order).queryParam("order", "newest").queryParam("limit", "1")
                .get("/api/v1/complaints").then().body("items.id", org.hamcrest.Matchers.contains(second));
        given().queryParam("orderRef", order).queryParam("rootCause", "staff-responsiveness")
                .get("/api/v1/complaints").then().body("items.id", org.hamcrest.Matchers.contains(first, second));
        // until is exclusive, since inclusive.
        given().queryParam("crmRef", crmRef).queryParam("since", start.minusSeconds(1).toString())
                .queryParam("until", secondReceived).get("/api/v1/complaints")
                .then().body("items.id", org.hamcrest.Matchers.contains(first));
        given().queryParam("crmRef", crmRef).queryParam("rootCause", "no-such-cause").get("/api/v1/complaints")
                .then().body("items.size()", equalTo(0));
        given().queryParam("crmRef", crmRef).queryParam("until", start.minusSeconds(1).toString())
                .get("/api/v1/complaints").then().body("items.size()", equalTo(0));
    }

    @Test
    void anOrderIsFoundByTheBeginningOfItsReferenceInAnyCaseOrByItsDigitsAndTheListSaysHowManyInAll() {
        String crmRef = "ZD-" + UUID.randomUUID();
        String digits = String.valueOf(100_000_000L + (long) (Math.random() * 800_000_000L));
        String order = "ORD-UX-" + digits;
        String found = fileFor(crmRef, order);
        fileFor(crmRef, "ORD-UY-" + digits.substring(1) + "7");
        fileFor(crmRef, "ord_ux-100%");

        given().queryParam("orderRef", order.toLowerCase()).get("/api/v1/complaints")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(found)).body("total", equalTo(1))
                .body("items[0].orderReference", equalTo(order))
                .body("items[0].customerName", equalTo("Ada Lovelace"));
        given().queryParam("orderRef", digits).get("/api/v1/complaints")
                .then().body("items.id", org.hamcrest.Matchers.contains(found));
        given().queryParam("orderRef", "ord-ux-" + digits.substring(0, 4)).queryParam("crmRef", crmRef)
                .get("/api/v1/complaints").then().body("items.id", org.hamcrest.Matchers.contains(found));
        // A search is words, never a pattern: "_" and "%" match only themselves.
        given().queryParam("orderRef", "ord_").queryParam("crmRef", crmRef).get("/api/v1/complaints")
                .then().body("total", equalTo(1)).body("items[0].orderReference", equalTo("ord_ux-100%"));
        given().queryParam("crmRef", crmRef).queryParam("limit", "1").get("/api/v1/complaints")
                .then().body("items.size()", equalTo(1)).body("total", equalTo(3));
    }

    private static String fileFor(String crmRef, String orderReference) {
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("crmReference", crmRef);
        request.put("orderReference", orderReference);
        return given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void complaintsOfAnotherTenantAreNotListed() {
        String crmRef = "ZD-" + UUID.randomUUID();
        file(crmRef, "brand-a");
        given().header("Authorization", SignedIn.staffOf("brand-b")).queryParam("crmRef", crmRef).get("/api/v1/complaints")
                .then().body("items.size()", equalTo(0));
        given().header("Authorization", SignedIn.staffOf("brand-a")).queryParam("crmRef", crmRef).get("/api/v1/complaints")
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void unreadableParametersAreRefusedNamingTheParameter() {
        for (Map.Entry<String, String> bad : Map.of("status", "LOST", "since", "yesterday", "limit", "1000",
                "cursor", "bm90LWEtY3Vyc29y", "until", "tomorrow", "order", "random", "rootCause", "Bad Tag%")
                .entrySet()) {
            given().queryParam(bad.getKey(), bad.getValue()).get("/api/v1/complaints")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:amends:problem:validation-failed"))
                    .body("detail", containsString(bad.getKey()));
        }
    }

    private static String file(String crmRef, String tenant) {
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("crmReference", crmRef);
        var spec = given().contentType(ContentType.JSON).body(request);
        if (tenant != null) {
            spec = spec.header("Authorization", SignedIn.staffOf(tenant));
        }
        return spec.post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }
}
