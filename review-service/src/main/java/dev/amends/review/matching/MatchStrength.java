package dev.amends.review.matching;

/** How far a review's link to a complaint may be trusted. */
public enum MatchStrength {
    /** The platform gave an order reference or e-mail that the record has: a fact. */
    STRONG,
    /** A person checked a suggestion and confirmed it: a fact. */
    CONFIRMED,
    /** Name and time fit, nothing more: a suggestion for the approver, never used as fact. */
    WEAK,
    NONE;

    public boolean isFact() {
        return this == STRONG || this == CONFIRMED;
    }
}
