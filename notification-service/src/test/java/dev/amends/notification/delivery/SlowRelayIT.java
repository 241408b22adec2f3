package dev.amends.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A relay slower than the lease is a slow relay, not a dead instance: the lease is renewed while it works. */
@QuarkusTest
@WithTestResource(SlowRelayTestResource.class)
class SlowRelayIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aSendThatOutlastsItsLeaseIsNeitherParkedNorSentTwice() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = SampleEvents.creditGranted(UUID.randomUUID(), customer, Money.of("5", "EUR"));
        kafka.publish(decided, UUID.randomUUID());
        String apology = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then().extract()
                .<String>path("find { it.kind == 'APOLOGY' }.id"), id -> id != null);

        // The relay has the whole message and keeps its answer for more than three leases meanwhile.
        await().atMost(Duration.ofSeconds(30)).until(() -> SlowRelayTestResource.relay().received(apology) == 1);
        await().during(SlowRelayTestResource.LEASE.multipliedBy(2)).atMost(SlowRelayTestResource.RELAY_DELAY)
                .until(() -> "SENDING".equals(status(decided.complaintId())));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(decided.complaintId())));
        assertEquals(1, SlowRelayTestResource.relay().received(apology));
    }

    private static String status(UUID complaintId) {
        return given().queryParam("complaintId", complaintId).get("/api/v1/notifications").then().extract()
                .path("find { it.kind == 'APOLOGY' }.status");
    }
}
