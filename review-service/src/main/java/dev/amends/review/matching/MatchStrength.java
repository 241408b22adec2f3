package dev.amends.review.matching;

/** How far a review's link to a complaint may be trusted. */
public enum MatchStrength {
    /** The platform gave an order reference or e-mail that the record has: a fact. */
    STRONG,
    /** A person checked a suggestion and confirmed it: a fact. */
    CONFIRMED,
    /** Name and time fit, nothing more: a suggestion for the approver, never used as fact. */
    WEAK,
    /**
     * The name fits so many customers' complaints that pointing at one would mislead: only an order
     * reference, an e-mail or a person can match it now. More namesakes cannot undo that, so the
     * review is not weighed again for each one that arrives.
     */
    AMBIGUOUS,
    NONE;

    public boolean isFact() {
        return this == STRONG || this == CONFIRMED;
    }

    /** Whether a namesake's arriving complaint can still change the match (an order or e-mail always can). */
    public boolean namesakeCanChange() {
        return this == WEAK || this == NONE;
    }
}
