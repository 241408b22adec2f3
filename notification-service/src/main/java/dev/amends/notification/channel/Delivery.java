package dev.amends.notification.channel;

/**
 * How one attempt to hand a message to its channel ended. Only a failure that certainly did not
 * deliver may be retried; one that may have delivered (a timeout after the request went out) is
 * parked instead, so that no customer gets the same message twice.
 */
public sealed interface Delivery {

    /** The provider took it; {@code reference} is its id for the message. */
    record Sent(String reference) implements Delivery {
    }

    /** It certainly did not go out, and may go out later: the provider was down, busy or rate-limiting. */
    record Retry(String reason) implements Delivery {
    }

    /** It will never go out as it is: a bad number, a rejected address. */
    record Refused(String reason, boolean recipientOptedOut) implements Delivery {
    }

    /** It may or may not have gone out. */
    record Uncertain(String reason) implements Delivery {
    }
}
