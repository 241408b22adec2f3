package dev.amends.notification.message;

/**
 * Where a message stands. PENDING waits for its due time (now, the end of quiet hours, a
 * follow-up's day, the next retry); SENDING is in a dispatcher's hands; SENT reached the channel;
 * HELD failed the tone check and waits for a person; SUPPRESSED was not sent because the customer
 * opted out or cannot be reached; PARKED kept failing, or was interrupted mid-send and may have
 * reached the customer, so a person decides; CANCELLED was a follow-up that is no longer needed.
 */
public enum MessageStatus {
    PENDING, SENDING, SENT, HELD, SUPPRESSED, PARKED, CANCELLED
}
