package dev.amends.recovery.tenancy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another tenant's staff cannot see, decide or settle this tenant's recoveries, and cannot tell they exist. */
@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class TenantIsolationIT {

    private static final String OTHER = SignedIn.staffOf("globex");

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void anotherTenantNeitherSeesNorDecidesNorSettlesThisTenantsRecovery() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("80", "EUR"));
        TestInfrastructure.shared().kafka().publish(complaint, UUID.randomUUID());
        String escalation = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/v1/recoveries/" + complaint.complaintId()).then().extract().jsonPath()
                        .getString("escalation.id"),
                id -> id != null);

        given().header("Authorization", OTHER).get("/api/v1/recoveries/" + complaint.complaintId())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", OTHER).queryParam("status", "all").get("/api/v1/escalations")
                .then().statusCode(200).body("id", not(hasItem(escalation)));
        given().header("Authorization", OTHER).get("/api/v1/escalations/" + escalation).then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body("{\"approvedBy\": \"intruder\"}")
                .post("/api/v1/escalations/" + escalation + "/approve").then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body("{\"declinedBy\": \"intruder\", \"reason\": \"not ours\"}")
                .post("/api/v1/escalations/" + escalation + "/decline").then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body("{\"kind\": \"ACCOUNT_CREDIT\", \"reference\": \"RF-1\", \"confirmedBy\": \"x\"}")
                .post("/api/v1/recoveries/" + complaint.complaintId() + "/settlements").then().statusCode(404);
        given().header("Authorization", OTHER).get("/api/v1/customers/" + complaint.customerId() + "/make-goods")
                .then().statusCode(200).body("entries", hasSize(0));

        given().get("/api/v1/escalations/" + escalation).then().statusCode(200).body("status", equalTo("OPEN"));
    }
}
