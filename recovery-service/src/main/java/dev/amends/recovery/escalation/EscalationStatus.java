package dev.amends.recovery.escalation;

/** OPEN until a person approves or declines it; a missed deadline moves it up but keeps it open. */
public enum EscalationStatus {
    OPEN, APPROVED, DECLINED
}
