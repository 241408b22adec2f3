package dev.amends.contract;

import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.contract.recovery.RecoveryDecided;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the wire: its CloudEvents type ({@code name.vN}), its topic and its record.
 * A change that would break an existing consumer gets a new version here, next to the old one.
 */
public enum EventType {
    COMPLAINT_RECEIVED("complaint.received", 1, Topic.COMPLAINTS, ComplaintReceived.class,
            "A CRM filed a complaint; it holds the customer's own story verbatim."),
    COMPLAINT_REOPENED("complaint.reopened", 1, Topic.COMPLAINTS, ComplaintReopened.class,
            "The customer or their CRM says it is not resolved; the recovery is decided again."),
    RECOVERY_DECIDED("recovery.decided", 1, Topic.RECOVERIES, RecoveryDecided.class,
            "The recovery policy decided the apology, the make-good and any escalation."),
    CUSTOMER_NOTIFIED("customer.notified", 1, Topic.NOTIFICATIONS, CustomerNotified.class,
            "A message about the complaint went out to the customer.");

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
