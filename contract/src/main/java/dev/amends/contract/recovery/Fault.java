package dev.amends.contract.recovery;

/** Whose fault it was decides which parts of an apology are honest (DOMAIN.md rule 3). */
public enum Fault {
    COMPANY, CUSTOMER, SHARED, UNKNOWN
}
