package dev.amends.review.publishing;

/** What a platform answered when a reply was posted. */
public sealed interface PostOutcome {

    record Posted() implements PostOutcome {
    }

    /** Not posted this time (the platform was busy or out of reach); posting again is safe. */
    record Retry(String reason) implements PostOutcome {
    }

    /** The platform refused the reply; posting it again would be refused again. */
    record Refused(String reason) implements PostOutcome {
    }
}
