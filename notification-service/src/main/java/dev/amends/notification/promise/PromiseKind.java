package dev.amends.notification.promise;

/**
 * What we promised by a date: ANSWER, that a person decides an escalation by its deadline;
 * SETTLEMENT, that a make-good reaches the customer (the refund clears, the credit shows).
 */
public enum PromiseKind {
    ANSWER, SETTLEMENT
}
