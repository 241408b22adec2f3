package dev.amends.devkit;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Triage;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Realistic events for tests, each about a fresh customer so tests never see each other's data. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static Customer customer() {
        return customer(ContactChannel.EMAIL, "en", "Europe/London");
    }

    /**
     * A fresh customer with their own e-mail address and phone number, so that what a test finds in
     * the SMTP server's or the SMS provider's records is this test's.
     */
    public static Customer customer(ContactChannel preferred, String locale, String timeZone) {
        String id = UUID.randomUUID().toString();
        String phone = "+4915" + String.format("%09d", Math.floorMod(id.hashCode(), 1_000_000_000));
        return new Customer("CUST-" + id, "Ada Lovelace", "ada." + id.substring(0, 8) + "@example.com", phone,
                preferred, locale, timeZone, "gold");
    }

    public static ComplaintReceived complaintReceived(Customer customer, Money atStake) {
        return new ComplaintReceived("acme", UUID.randomUUID(), customer, ContactChannel.EMAIL,
                ComplaintCategory.DELIVERY, "Fridge delivered two weeks late",
                "I took two days off work to wait for the fridge and nobody came. Nobody called either.",
                "My delivery fee back", "ORD-2026-118", atStake, Instant.now().minus(3, ChronoUnit.DAYS), "ZD-88213",
                new Triage(Severity.MEDIUM, false, List.of("delivery", "fulfilment-delay"),
                        List.of("Category DELIVERY points at delivery.")),
                Instant.now().truncatedTo(ChronoUnit.MICROS), Fault.UNKNOWN);
    }

    public static RecoveryDecided creditGranted(UUID complaintId, Customer customer, Money credit) {
        return creditGranted(complaintId, customer, credit, 1);
    }

    public static RecoveryDecided creditGranted(UUID complaintId, Customer customer, Money credit, int round) {
        return new RecoveryDecided("acme", complaintId, UUID.randomUUID(), customer, "Fridge delivered two weeks late",
                RecoveryOutcome.GRANTED, Fault.UNKNOWN,
                List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION, ApologyPart.REPENTANCE),
                new MakeGood(MakeGoodKind.ACCOUNT_CREDIT, credit, "Account credit of " + credit + " for order ORD-2026-118"),
                AuthorityLevel.AUTOMATIC, null, List.of("within the automatic authority"),
                Instant.now().truncatedTo(ChronoUnit.MICROS), round, null, 1, false);
    }

    /** What recovery-service announces right after a grant within authority: the ledger line. */
    public static MakeGoodIssued issued(RecoveryDecided granted) {
        return new MakeGoodIssued(granted.tenant(), granted.complaintId(), granted.recoveryId(), null,
                granted.customer(), granted.summary(), granted.makeGood(),
                List.of(new LedgerLine(UUID.randomUUID(), granted.makeGood())), AuthorityLevel.AUTOMATIC, "policy",
                null, granted.policyVersion(), granted.decidedAt(), granted.round());
    }

    public static CustomerNotified apologySent(UUID complaintId, Customer customer) {
        return apologySent(complaintId, customer, 1);
    }

    public static CustomerNotified apologySent(UUID complaintId, Customer customer, int round) {
        return new CustomerNotified("acme", complaintId, customer.id(), UUID.randomUUID(), MessageKind.APOLOGY,
                ContactChannel.EMAIL, Instant.now().truncatedTo(ChronoUnit.MICROS), round);
    }

    public static ComplaintReopened reopened(ComplaintReceived complaint, int round) {
        return new ComplaintReopened(complaint.tenant(), complaint.complaintId(), complaint.customer(),
                complaint.category(), complaint.summary(), complaint.story(), complaint.orderReference(),
                complaint.amountAtStake(), complaint.triage(), round, "The credit never showed up on my account.",
                "customer", Instant.now().truncatedTo(ChronoUnit.MICROS), complaint.fault());
    }
}
