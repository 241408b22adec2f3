package dev.amends.recovery.figures;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class DayFiguresIT {

    @Test
    void theDaysFiguresCountWhatWasGrantedAtOnceEscalatedAndMadeGoodInTheCallersTenantOnly() {
        String tenant = "figures-" + UUID.randomUUID().toString().substring(0, 8);
        String supervisor = SignedIn.bearer(tenant, "supervisor");
        ComplaintReceived small = SampleEvents.complaintReceived(tenant, SampleEvents.customer(), Money.of("20", "EUR"));
        ComplaintReceived large = SampleEvents.complaintReceived(tenant, SampleEvents.customer(), Money.of("400", "EUR"));
        TestInfrastructure.shared().kafka().publish(small, UUID.randomUUID());
        TestInfrastructure.shared().kafka().publish(large, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", supervisor)
                .get("/api/v1/recoveries/figures").then().statusCode(200)
                .body("granted", equalTo(1)).body("escalated", equalTo(1))
                .body("makeGoodsIssued", equalTo(1)).body("madeGood.size()", equalTo(1))
                .body("madeGood[0].currency", equalTo("EUR"))
                .body("escalationsOpen", equalTo(1)).body("escalationsOverdue", equalTo(0)));
        given().header("Authorization", supervisor).queryParam("since", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/recoveries/figures").then().body("granted", equalTo(0)).body("escalated", equalTo(0))
                .body("escalationsOpen", equalTo(1));
        given().header("Authorization", SignedIn.bearer("figures-elsewhere-" + UUID.randomUUID(), "ops"))
                .get("/api/v1/recoveries/figures").then().statusCode(200).body("granted", equalTo(0))
                .body("escalationsOpen", equalTo(0));
    }

    @Test
    void anUnreadableSinceIsRefusedNamingIt() {
        given().header("Authorization", SignedIn.bearer("acme", "ops")).queryParam("since", "this morning")
                .get("/api/v1/recoveries/figures").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("since"));
    }
}
