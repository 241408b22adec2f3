package dev.amends.contract.complaint;

/**
 * The customer as the CRM knows them. {@code id} is the CRM's customer id and the Kafka key of
 * every event about them.
 */
public record Customer(
        String id,
        String name,
        String email,
        String phone,
        ContactChannel preferredChannel,
        String locale,
        String timeZone,
        String tier) {
}
