package dev.amends.contract.notification;

public enum MessageKind {
    APOLOGY, ESCALATION_NOTICE, MAKE_GOOD_CONFIRMATION, FOLLOW_UP, CLOSING
}
