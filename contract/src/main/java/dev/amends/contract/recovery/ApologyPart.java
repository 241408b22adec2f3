package dev.amends.contract.recovery;

/** The five parts of a real apology. */
public enum ApologyPart {
    REGRET, RESPONSIBILITY, RESTITUTION, REPENTANCE, REQUEST_FOR_FORGIVENESS
}
