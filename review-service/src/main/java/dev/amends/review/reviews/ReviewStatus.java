package dev.amends.review.reviews;

import java.util.EnumSet;
import java.util.Set;

/** Where a review's public response stands. Nothing reaches the platform without APPROVED first. */
public enum ReviewStatus {
    /** A draft waits for a person: to edit, approve or reject. */
    DRAFTED,
    /** Approved; the publisher is posting it through the platform's API. */
    APPROVED,
    /** Approved for a platform we cannot post to: a person pastes it there and says so. */
    POST_BY_HAND,
    /** On the platform. */
    PUBLISHED,
    /** The platform refused it, or kept failing; the reason says which. A person edits or retries. */
    FAILED,
    /** A person decided not to answer in public. */
    REJECTED;

    public static final Set<ReviewStatus> UNANSWERED = EnumSet.of(DRAFTED, APPROVED, POST_BY_HAND, FAILED);
}
