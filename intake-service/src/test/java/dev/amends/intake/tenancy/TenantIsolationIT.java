package dev.amends.intake.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import dev.amends.intake.complaint.ComplaintRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another tenant's CRM cannot read, reopen or question this tenant's complaint, nor learn that it exists. */
@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class TenantIsolationIT {

    private static final String OTHER = SignedIn.staffOf("globex");

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void anotherTenantsComplaintAnswersAsIfItDidNotExist() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String id = given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
        String customer = given().get("/api/v1/complaints/" + id).then().extract().path("customer.id");

        given().header("Authorization", OTHER).get("/api/v1/complaints/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", OTHER).queryParam("customerId", customer).get("/api/v1/complaints")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body(Map.of("reason", "not resolved", "requestedBy", "intruder"))
                .post("/api/v1/complaints/" + id + "/reopen").then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body(Map.of("question", "What is in it?", "askedBy", "intruder"))
                .post("/api/v1/complaints/" + id + "/questions").then().statusCode(404);

        given().get("/api/v1/complaints/" + id).then().statusCode(200).body("openQuestions", equalTo(0))
                .body("round", equalTo(1));
    }
}
