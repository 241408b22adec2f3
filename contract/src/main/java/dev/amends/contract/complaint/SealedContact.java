package dev.amends.contract.complaint;

/**
 * A customer's e-mail address and phone number as they travel in events: encrypted (AES-256-GCM)
 * under a key only intake-service, which takes them from the CRM, and notification-service, which
 * writes to the customer, hold. Every other service passes the blob on and cannot read it.
 * {@code keyId} names the key, so keys can be rotated without breaking events already written.
 */
public record SealedContact(String keyId, String sealed) {
}
