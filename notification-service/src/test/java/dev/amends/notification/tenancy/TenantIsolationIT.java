package dev.amends.notification.tenancy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.notification.NotificationTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another tenant's staff cannot read this tenant's messages nor its customers' contact preferences. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class TenantIsolationIT {

    private static final String OTHER = SignedIn.staffOf("globex");

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void anotherTenantSeesNoneOfThisTenantsMessagesAndCannotResendThem() {
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), SampleEvents.customer(),
                Money.of("12", "EUR"));
        TestInfrastructure.shared().kafka().publish(decided, UUID.randomUUID());
        String message = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications")
                        .then().extract().jsonPath().getString("find { it.kind == 'APOLOGY' }.id"),
                id -> id != null);

        given().header("Authorization", OTHER).queryParam("complaintId", decided.complaintId())
                .get("/api/v1/notifications").then().statusCode(200).body("", hasSize(0));
        given().header("Authorization", OTHER).post("/api/v1/notifications/" + message + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCustomersContactPreferencesAreTheirTenantsAlone() {
        Customer customer = SampleEvents.customer();
        given().contentType(ContentType.JSON)
                .body("{\"preferredChannel\": \"SMS\", \"emailAllowed\": false, \"changedBy\": \"agent-7\"}")
                .put("/api/v1/customers/{id}/contact-preferences", customer.id()).then().statusCode(200);

        given().header("Authorization", OTHER).get("/api/v1/customers/{id}/contact-preferences", customer.id())
                .then().statusCode(200).body("emailAllowed", equalTo(true)).body("changedBy", nullValue());
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body("{\"emailAllowed\": true, \"changedBy\": \"intruder\"}")
                .put("/api/v1/customers/{id}/contact-preferences", customer.id()).then().statusCode(200);

        given().get("/api/v1/customers/{id}/contact-preferences", customer.id())
                .then().statusCode(200).body("emailAllowed", equalTo(false)).body("changedBy", equalTo("agent-7"));
    }
}
