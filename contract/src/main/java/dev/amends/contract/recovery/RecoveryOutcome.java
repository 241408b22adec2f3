package dev.amends.contract.recovery;

/**
 * There is no "denied": what the automatic level cannot grant goes to a named next level
 * (DOMAIN.md rules 4 and 7).
 */
public enum RecoveryOutcome {
    GRANTED, ESCALATED
}
