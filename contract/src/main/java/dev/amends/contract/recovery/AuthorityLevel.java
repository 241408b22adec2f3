package dev.amends.contract.recovery;

/** Who may grant a make-good: the policy itself, then people with rising limits. */
public enum AuthorityLevel {
    AUTOMATIC, SUPERVISOR, MANAGER
}
