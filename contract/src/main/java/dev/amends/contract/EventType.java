package dev.amends.contract;

import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.customer.CustomerErased;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.notification.FeedbackReceived;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodSettled;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryEscalated;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the wire: its CloudEvents type ({@code name.vN}), its topic and its record.
 * A change that would break an existing consumer gets a new version here, next to the old one.
 */
public enum EventType {
    COMPLAINT_RECEIVED("complaint.received", 1, Topic.COMPLAINTS, ComplaintReceived.class,
            "A CRM filed a complaint (the customer's own story stays with intake; contact details travel sealed)."),
    COMPLAINT_REOPENED("complaint.reopened", 1, Topic.COMPLAINTS, ComplaintReopened.class,
            "The customer or their CRM says it is not resolved; the recovery is decided again."),
    CUSTOMER_ERASED("customer.erased", 1, Topic.COMPLAINTS, CustomerErased.class,
            "A customer's personal data is to be erased: every service removes or pseudonymizes what it holds."),
    RECOVERY_DECIDED("recovery.decided", 1, Topic.RECOVERIES, RecoveryDecided.class,
            "The recovery policy decided the apology, the make-good and any escalation."),
    RECOVERY_ESCALATED("recovery.escalated", 1, Topic.RECOVERIES, RecoveryEscalated.class,
            "A recovery above the automatic authority went to a named owner with a deadline."),
    MAKE_GOOD_ISSUED("make-good.issued", 1, Topic.RECOVERIES, MakeGoodIssued.class,
            "A make-good was granted and written to the ledger, once per recovery."),
    ESCALATION_EXPIRED("escalation.expired", 1, Topic.RECOVERIES, EscalationExpired.class,
            "An escalation's deadline passed; it moved up a level with a new owner and deadline."),
    ESCALATION_DECLINED("escalation.declined", 1, Topic.RECOVERIES, EscalationDeclined.class,
            "A person declined the proposed make-good, with a reason; the customer still hears why."),
    MAKE_GOOD_SETTLED("make-good.settled", 1, Topic.RECOVERIES, MakeGoodSettled.class,
            "The paying system confirmed that a part of a make-good reached the customer."),
    CUSTOMER_NOTIFIED("customer.notified", 1, Topic.NOTIFICATIONS, CustomerNotified.class,
            "A message about the complaint went out to the customer."),
    FEEDBACK_RECEIVED("feedback.received", 1, Topic.NOTIFICATIONS, FeedbackReceived.class,
            "The customer answered the follow-up: fixed, or not yet (which reopens the complaint).");

    private final String name;
    private final int version;
    private final Topic topic;
    private final Class<? extends DomainEvent> payloadType;
    private final String meaning;

    EventType(String name, int version, Topic topic, Class<? extends DomainEvent> payloadType, String meaning) {
        this.name = name;
        this.version = version;
        this.topic = topic;
        this.payloadType = payloadType;
        this.meaning = meaning;
    }

    /** The value of the {@code ce_type} header, for example {@code complaint.received.v1}. */
    public String ceType() {
        return name + ".v" + version;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    public static EventType of(DomainEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass() + " is not in the event catalogue"));
    }
}
