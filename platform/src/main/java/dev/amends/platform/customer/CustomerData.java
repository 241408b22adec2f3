package dev.amends.platform.customer;

/**
 * What one service holds about a customer, for their data export. Each service provides one;
 * intake's gathers the others' too, so that one call answers for the whole platform.
 */
public interface CustomerData {

    /**
     * Everything held about {@code customerId} of {@code tenant}, ready to be written as JSON.
     * {@code authorization} is the caller's own credential, for asking other services.
     */
    Object export(String tenant, String customerId, String authorization);
}
