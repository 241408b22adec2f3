package dev.amends.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.devkit.SignedIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances each of recovery-service and notification-service in one consumer group, and the
 * partitions moved between them twice while complaints flow (second instances leave, then join
 * again): no complaint decided twice, no make-good issued twice, no customer messaged twice.
 */
class RebalanceIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final int COMPLAINTS = 60;
    private static final List<ServiceProcess> secondInstances = new ArrayList<>();

    @AfterAll
    static void stopSecondInstances() {
        secondInstances.forEach(ServiceProcess::stop);
    }

    @Test
    void partitionsMovingBetweenInstancesMidRunDuplicateNothing() throws Exception {
        RunningPlatform platform = RunningPlatform.onServersOfItsOwn();
        for (String name : List.of("recovery-service", "notification-service")) {
            secondInstances.add(platform.anotherInstanceOf(name));
        }
        ServiceProcess intake = platform.service("intake-service");
        List<String> filed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> crm = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < COMPLAINTS; i++) {
                filed.add(Complaints.file(intake, i % 4 == 0 ? "300.00" : "20.00"));
                Complaints.pause(100);
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= COMPLAINTS / 3);
        // Leaving the group hands their partitions to the first instances at once...
        secondInstances.forEach(ServiceProcess::stop);
        await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= 2 * COMPLAINTS / 3);
        // ...and joining again takes some of them back.
        secondInstances.forEach(ServiceProcess::start);
        secondInstances.forEach(ServiceProcess::awaitReady);
        crm.get();

        NothingLostNothingTwice guarantees = new NothingLostNothingTwice(platform);
        Set<String> interrupted = guarantees.awaitEveryCustomerNotified(filed, Duration.ofSeconds(180));
        assertTrue(interrupted.isEmpty(), "a graceful leave interrupts no send: " + interrupted);
        guarantees.assertExactlyOnce(filed, interrupted);
    }
}
