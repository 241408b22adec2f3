package dev.amends.contract.notification;

/**
 * What a message to the customer is for. PROMISE_KEPT tells them that something we promised by a
 * date has happened; PROMISE_BROKEN owns up when the date passed first (both added after the first
 * release).
 */
public enum MessageKind {
    APOLOGY, ESCALATION_NOTICE, ESCALATION_UPDATE, ESCALATION_DECLINED, MAKE_GOOD_CONFIRMATION, FOLLOW_UP, CLOSING,
    PROMISE_KEPT, PROMISE_BROKEN
}
