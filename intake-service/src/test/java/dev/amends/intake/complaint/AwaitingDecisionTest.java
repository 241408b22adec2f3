package dev.amends.intake.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryEscalated;
import dev.amends.devkit.SampleEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A complaint whose escalation waits says so in its status, whichever order the events about it
 * arrive in; telling the customer that it waits is a step on the timeline, not the status.
 */
class AwaitingDecisionTest {

    private final Customer customer = SampleEvents.customer();
    private final Complaint complaint = complaint();
    private final UUID escalationId = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void anEscalatedComplaintWaitsForADecisionAfterTheCustomerIsToldItWaits() {
        complaint.recoveryEscalated(escalated(1), "recovery-service");
        complaint.customerNotified(notified(MessageKind.ESCALATION_NOTICE, 1), "notification-service");

        assertEquals(ComplaintStatus.ESCALATED, complaint.status);
        assertTrue(complaint.awaitingDecision);
        assertEquals(escalationId, complaint.escalationId);
        assertEquals(at, complaint.firstNotifiedAt);
    }

    @Test
    void theNoticeArrivingBeforeTheEscalationStillLeavesTheComplaintWaiting() {
        complaint.customerNotified(notified(MessageKind.ESCALATION_NOTICE, 1), "notification-service");
        assertEquals(ComplaintStatus.CUSTOMER_NOTIFIED, complaint.status);

        complaint.recoveryEscalated(escalated(1), "recovery-service");

        assertEquals(ComplaintStatus.ESCALATED, complaint.status);
        assertTrue(complaint.awaitingDecision);
    }

    @Test
    void anApprovalAndItsConfirmationEndTheWaitInEitherOrder() {
        complaint.recoveryEscalated(escalated(1), "recovery-service");
        complaint.customerNotified(notified(MessageKind.MAKE_GOOD_CONFIRMATION, 1), "notification-service");
        assertEquals(ComplaintStatus.CUSTOMER_NOTIFIED, complaint.status);
        assertFalse(complaint.awaitingDecision);

        complaint.makeGoodIssued(issued(1), "recovery-service");
        assertEquals(ComplaintStatus.CUSTOMER_NOTIFIED, complaint.status, "never back once the customer was told");
    }

    @Test
    void aDeclineEndsTheWaitAndTheCustomerBeingToldFollows() {
        complaint.recoveryEscalated(escalated(1), "recovery-service");
        complaint.escalationDeclined(declined(1));
        assertEquals(ComplaintStatus.RECOVERY_DECIDED, complaint.status);
        assertFalse(complaint.awaitingDecision);

        complaint.customerNotified(notified(MessageKind.ESCALATION_DECLINED, 1), "notification-service");
        assertEquals(ComplaintStatus.CUSTOMER_NOTIFIED, complaint.status);
        assertEquals(escalationId, complaint.escalationId, "the complaint still links to its decided escalation");
    }

    @Test
    void anEscalationOfAnEarlierRoundDoesNotMakeTheCurrentRoundWait() {
        complaint.round = 2;
        complaint.status = ComplaintStatus.CUSTOMER_NOTIFIED;
        complaint.recoveryEscalated(escalated(1), "recovery-service");

        assertEquals(ComplaintStatus.CUSTOMER_NOTIFIED, complaint.status);
        assertFalse(complaint.awaitingDecision);
    }

    private Complaint complaint() {
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.tenant = SampleEvents.TENANT;
        c.status = ComplaintStatus.RECEIVED;
        c.round = 1;
        c.receivedAt = Instant.parse("2026-12-04T09:00:00Z");
        c.updatedAt = c.receivedAt;
        return c;
    }

    private RecoveryEscalated escalated(int round) {
        MakeGood proposed = new MakeGood(MakeGoodKind.REFUND, Money.of("400.00", "EUR"), "Refund of the order");
        return new RecoveryEscalated(complaint.tenant, complaint.id, UUID.randomUUID(), customer, "Fridge late",
                new Escalation(AuthorityLevel.MANAGER, "managers", at.plusSeconds(86400), proposed, escalationId,
                        List.of(proposed)),
                false, "above a supervisor's authority", at, round);
    }

    private CustomerNotified notified(MessageKind kind, int round) {
        return new CustomerNotified(complaint.tenant, complaint.id, customer.id(), UUID.randomUUID(), kind,
                ContactChannel.EMAIL, at, round);
    }

    private MakeGoodIssued issued(int round) {
        MakeGood makeGood = new MakeGood(MakeGoodKind.REFUND, Money.of("400.00", "EUR"), "Refund of the order");
        return new MakeGoodIssued(complaint.tenant, complaint.id, UUID.randomUUID(), escalationId, customer,
                "Fridge late", makeGood, List.of(new LedgerLine(UUID.randomUUID(), makeGood)), AuthorityLevel.MANAGER,
                "maria.k", null, 1, at, round);
    }

    private EscalationDeclined declined(int round) {
        return new EscalationDeclined(complaint.tenant, complaint.id, UUID.randomUUID(), escalationId, customer,
                "Fridge late", AuthorityLevel.MANAGER, "maria.k", "Covered by the carrier's insurance", Fault.SHARED,
                List.of(), at, round);
    }
}
