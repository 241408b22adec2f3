package dev.amends.contract.complaint;

/**
 * The customer as the CRM knows them. {@code id} is the CRM's customer id and the Kafka key of
 * every event about them. Their e-mail address and phone number travel only sealed
 * ({@link SealedContact}), for notification-service alone; {@code emailDigest} lets review-service
 * recognise a reviewer's address without holding the customer's.
 */
public record Customer(
        String id,
        String name,
        SealedContact contact,
        String emailDigest,
        ContactChannel preferredChannel,
        String locale,
        String timeZone,
        String tier) {
}
