package dev.amends.notification.promise;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.MakeGoodSettled;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.notification.NotificationTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class PromisesIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void aRefundPromisedByADateIsTrackedAndTheCustomerIsToldWhenItArrives() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = refundGranted(customer);
        kafka.publish(decided, UUID.randomUUID());
        Promise promise = awaitPromise(decided.complaintId(), PromiseStatus.OPEN);
        assertEquals(PromiseKind.SETTLEMENT, promise.kind);
        assertTrue(promise.dueAt.isAfter(Instant.now().plus(Duration.ofDays(5))), "five business days, weekends skipped");
        given().queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'APOLOGY' }.body", containsString("You will see it by"));

        kafka.publish(settled(decided), UUID.randomUUID());
        awaitPromise(decided.complaintId(), PromiseStatus.KEPT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'PROMISE_KEPT' }.status", equalTo("SENT"))
                .body("find { it.kind == 'PROMISE_KEPT' }.body",
                        containsString("a refund of €40.00 has reached you. If you need it, the reference is RF-1")));
    }

    @Test
    void aPromiseWhoseDatePassesIsMarkedBrokenAndTheCustomerGetsAnHonestUpdate() {
        Customer customer = SampleEvents.customer();
        RecoveryDecided decided = refundGranted(customer);
        kafka.publish(decided, UUID.randomUUID());
        Promise promise = awaitPromise(decided.complaintId(), PromiseStatus.OPEN);
        // Five business days pass without word from the payments system.
        QuarkusTransaction.requiringNew().run(() -> Promise.update("dueAt = ?1 where id = ?2",
                Instant.now().minusSeconds(60), promise.id));

        awaitPromise(decided.complaintId(), PromiseStatus.BROKEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'PROMISE_BROKEN' }.status", equalTo("SENT"))
                .body("find { it.kind == 'PROMISE_BROKEN' }.body", containsString("It has not yet, and that is on us.")));
        given().get("/q/metrics").then()
                .body(containsString("amends_promises_total{kind=\"SETTLEMENT\",outcome=\"broken\"}"));

        // It arrives after all: kept late, and the customer hears that too.
        kafka.publish(settled(decided), UUID.randomUUID());
        awaitPromise(decided.complaintId(), PromiseStatus.KEPT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("complaintId", decided.complaintId()).get("/api/v1/notifications").then()
                .body("find { it.kind == 'PROMISE_KEPT' }.body", containsString("later than the date we gave you")));
    }

    private static Promise awaitPromise(UUID complaintId, PromiseStatus status) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Promise.forComplaint(complaintId)),
                promises -> promises.size() == 1 && promises.get(0).status == status).get(0);
    }

    private static RecoveryDecided refundGranted(Customer customer) {
        MakeGood refund = new MakeGood(MakeGoodKind.REFUND, Money.of("40", "EUR"), "a refund of 40.00 EUR");
        return new RecoveryDecided("acme", UUID.randomUUID(), UUID.randomUUID(), customer,
                "Fridge delivered two weeks late", RecoveryOutcome.GRANTED, Fault.COMPANY,
                List.of(ApologyPart.values()), refund, AuthorityLevel.AUTOMATIC, null, List.of("within authority"),
                Instant.now(), 1, List.of(refund), 1, false, SampleEvents.SPECIFICS);
    }

    private static MakeGoodSettled settled(RecoveryDecided decided) {
        return new MakeGoodSettled("acme", decided.complaintId(), decided.recoveryId(), decided.customer(),
                decided.summary(), MakeGoodKind.REFUND, Money.of("40", "EUR"), "RF-1", Instant.now(), 1);
    }
}
