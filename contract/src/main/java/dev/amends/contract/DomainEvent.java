package dev.amends.contract;

import java.util.UUID;

/**
 * What every event on an Amends topic carries. The customer id is the Kafka record key, so all
 * events of one customer stay in order on one partition; the tenant is the brand or business unit
 * whose CRM filed the complaint.
 */
public interface DomainEvent {

    String tenant();

    /** The complaint the event is about; none for an event about the customer as a whole. */
    UUID complaintId();

    String customerId();

    /** The CloudEvents subject: the complaint, unless the event is about something else. */
    default String subject() {
        return complaintId().toString();
    }
}
