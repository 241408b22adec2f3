package dev.amends.intake.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Topic;
import dev.amends.contract.customer.CustomerErased;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.intake.complaint.ComplaintRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class CustomerErasureIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void anErasedCustomersComplaintKeepsWhatHappenedButNothingThatIdentifiesThem() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String customerId = ComplaintRequests.customerId(request);
        String id = given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("question", "Which slot?", "askedBy", "agent:maria"))
                .post("/api/v1/complaints/" + id + "/questions").then().statusCode(201);

        String pseudonym = given().delete("/api/v1/customers/{id}", customerId).then().statusCode(202)
                .body("complaints", equalTo(1)).body("pseudonym", startsWith("erased-")).extract().path("pseudonym");

        given().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("customer.id", equalTo(pseudonym))
                .body("customer.name", equalTo(CustomerErased.TEXT))
                .body("customer.email", nullValue())
                .body("story", equalTo(CustomerErased.TEXT))
                .body("questions[0].question", equalTo(CustomerErased.TEXT))
                .body("category", equalTo(request.get("category")));
        given().get("/api/v1/customers/{id}/data", customerId).then().statusCode(200)
                .body("services['intake-service'].complaints", hasSize(0));

        KafkaTestClient kafka = TestInfrastructure.shared().kafka();
        var erased = await().atMost(Duration.ofSeconds(30)).until(() -> kafka.records(Topic.COMPLAINTS.topicName(),
                r -> customerId.equals(r.key()) && EventType.CUSTOMER_ERASED.ceType()
                        .equals(KafkaTestClient.header(r, "ce_type"))), records -> records.size() == 1).get(0);
        assertEquals(pseudonym, ((CustomerErased) EventCodec.fromJson(EventType.CUSTOMER_ERASED, erased.value()))
                .pseudonym());
        given().queryParam("subjectType", "customer").queryParam("subjectId", pseudonym).get("/api/v1/audit-trail")
                .then().statusCode(200).body("[0].action", equalTo("customer.erased"));
        assertFalse(given().queryParam("subjectId", customerId).get("/api/v1/audit-trail").then().extract()
                .asString().contains(customerId), "the trail never names the erased id");
    }
}
