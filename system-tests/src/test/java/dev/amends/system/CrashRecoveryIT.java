package dev.amends.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.devkit.SignedIn;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of each service in turn while complaints are flowing: every complaint still reaches its
 * customer exactly once, every granted make-good is in the ledger once, and no customer is messaged
 * twice.
 */
class CrashRecoveryIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final int COMPLAINTS = 48;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
    }

    @Test
    void killingEachServiceMidFlowLosesNoComplaintAndSendsNoMessageTwice() throws Exception {
        ServiceProcess intake = platform.service("intake-service");
        List<String> filed = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> crm = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < COMPLAINTS; i++) {
                filed.add(Complaints.file(intake, i % 4 == 0 ? "300.00" : "20.00"));
                // Paces the CRM so the kills land while complaints are still flowing.
                Complaints.pause(40);
            }
        });
        // Every service but intake dies and comes back while the CRM keeps filing.
        for (String name : List.of("recovery-service", "notification-service", "review-service")) {
            int before = filed.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= before + COMPLAINTS / 5);
            ServiceProcess service = platform.service(name);
            service.kill();
            service.start();
        }
        crm.get();
        // intake-service dies while the downstream events are still coming back to it.
        intake.kill();
        intake.start();
        platform.services().forEach(ServiceProcess::awaitReady);

        NothingLostNothingTwice guarantees = new NothingLostNothingTwice(platform);
        Set<String> interrupted = guarantees.awaitEveryCustomerNotified(filed, Duration.ofSeconds(180));
        assertTrue(interrupted.size() <= 1, "one kill interrupts at most one send: " + interrupted);
        guarantees.assertExactlyOnce(filed, interrupted);
    }

    @Test
    void killingRecoveryInTheMiddleOfABatchAppliesTheWholeBatchOnceAfterItsRestart() throws Exception {
        ServiceProcess intake = platform.service("intake-service");
        ServiceProcess recovery = platform.service("recovery-service");
        // A backlog waits for recovery-service, so its first polls after the start are large batches.
        recovery.stop();
        List<String> filed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 60; i++) {
            filed.add(Complaints.file(intake, i % 4 == 0 ? "300.00" : "20.00"));
        }
        recovery.start();
        recovery.awaitReady();
        // It takes its partitions back and starts on the backlog at once; the kill lands in the first batches.
        recovery.kill();
        recovery.start();
        recovery.awaitReady();

        NothingLostNothingTwice guarantees = new NothingLostNothingTwice(platform);
        Set<String> interrupted = guarantees.awaitEveryCustomerNotified(filed, Duration.ofSeconds(180));
        assertTrue(interrupted.isEmpty(), "recovery-service sends nothing itself: " + interrupted);
        guarantees.assertExactlyOnce(filed, interrupted);
    }
}
