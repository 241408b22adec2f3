package dev.amends.devkit;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.CustomerAsk;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.complaint.Triage;
import dev.amends.contract.complaint.WhatWentWrong;
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

    /** The tenant the sample events are about. */
    public static final String TENANT = "acme";
    /**
     * The key that seals customers' contact details in the tests: services under test are given it
     * (TestInfrastructure); it protects nothing real.
     */
    public static final String CONTACT_KEY = "dGVzdC1vbmx5LWNvbnRhY3Qta2V5LTMyLWJ5dGVzISE=";
    private static final ContactSeal SEAL = new ContactSeal("k1", CONTACT_KEY);

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
        return customer(TENANT, "CUST-" + id, "Ada Lovelace", "ada." + id.substring(0, 8) + "@example.com", phone,
                preferred, locale, timeZone);
    }

    /** A customer of {@code tenant} as events carry them: their contact details sealed with the test key. */
    public static Customer customer(String tenant, String id, String name, String email, String phone,
            ContactChannel preferred, String locale, String timeZone) {
        return new Customer(id, name, SEAL.seal(tenant, id, new ContactSeal.Contact(email, phone)),
                ContactSeal.emailDigest(email), preferred, locale, timeZone, "gold");
    }

    /** The same customer with other contact details (or none: null). */
    public static Customer withContact(Customer customer, String email, String phone) {
        return new Customer(customer.id(), customer.name(),
                SEAL.seal(TENANT, customer.id(), new ContactSeal.Contact(email, phone)),
                ContactSeal.emailDigest(email), customer.preferredChannel(), customer.locale(), customer.timeZone(),
                customer.tier());
    }

    /** The contact details sealed in a test customer of {@code tenant}, as notification-service reads them. */
    public static ContactSeal.Contact contact(String tenant, Customer customer) {
        return SEAL.open(tenant, customer.id(), customer.contact());
    }

    /** The e-mail address sealed in a test customer of {@link #TENANT}. */
    public static String email(Customer customer) {
        return SEAL.open(TENANT, customer.id(), customer.contact()).email();
    }

    /** The phone number sealed in a test customer of {@link #TENANT}. */
    public static String phone(Customer customer) {
        return SEAL.open(TENANT, customer.id(), customer.contact()).phone();
    }

    /** What the sample complaint's story and desired outcome name. */
    public static final Specifics SPECIFICS = new Specifics(ComplaintCategory.DELIVERY, "ORD-2026-118", false,
            List.of(WhatWentWrong.LATE), List.of(CustomerAsk.DELIVERY_FEE_BACK));

    public static ComplaintReceived complaintReceived(Customer customer, Money atStake) {
        return complaintReceived(TENANT, customer, atStake);
    }

    public static ComplaintReceived complaintReceived(String tenant, Customer customer, Money atStake) {
        return new ComplaintReceived(tenant, UUID.randomUUID(), customer, ContactChannel.EMAIL,
                ComplaintCategory.DELIVERY, "Fridge delivered two weeks late", "ORD-2026-118", atStake, Instant.now().minus(3, ChronoUnit.DAYS), "ZD-88213",
                new Triage(Severity.MEDIUM, false, List.of("delivery", "fulfilment-delay"),
                        List.of("Category DELIVERY points at delivery.")),
                Instant.now().truncatedTo(ChronoUnit.MICROS), Fault.UNKNOWN, SPECIFICS);
    }

    public static RecoveryDecided creditGranted(UUID complaintId, Customer customer, Money credit) {
        return creditGranted(complaintId, customer, credit, 1);
    }

    public static RecoveryDecided creditGranted(UUID complaintId, Customer customer, Money credit, int round) {
        return new RecoveryDecided(TENANT, complaintId, UUID.randomUUID(), customer, "Fridge delivered two weeks late",
                RecoveryOutcome.GRANTED, Fault.UNKNOWN,
                List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION, ApologyPart.REPENTANCE),
                new MakeGood(MakeGoodKind.ACCOUNT_CREDIT, credit, "Account credit of " + credit + " for order ORD-2026-118"),
                AuthorityLevel.AUTOMATIC, null, List.of("within the automatic authority"),
                Instant.now().truncatedTo(ChronoUnit.MICROS), round, null, 1, false, SPECIFICS);
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
        return new CustomerNotified(TENANT, complaintId, customer.id(), UUID.randomUUID(), MessageKind.APOLOGY,
                ContactChannel.EMAIL, Instant.now().truncatedTo(ChronoUnit.MICROS), round);
    }

    public static ComplaintReopened reopened(ComplaintReceived complaint, int round) {
        return new ComplaintReopened(complaint.tenant(), complaint.complaintId(), complaint.customer(),
                complaint.category(), complaint.summary(), complaint.orderReference(),
                complaint.amountAtStake(), complaint.triage(), round, "The credit never showed up on my account.",
                "customer", Instant.now().truncatedTo(ChronoUnit.MICROS), complaint.fault(),
                complaint.specifics());
    }
}
