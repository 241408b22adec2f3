package dev.amends.notification.message;

/** SENT went to the customer; HELD failed the tone check and waits for a person. */
public enum MessageStatus {
    SENT, HELD
}
