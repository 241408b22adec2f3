package dev.amends.review.publishing;

import dev.amends.review.reviews.Platform;

/**
 * A platform we can reply through. Replies must be idempotent on the platform's side (a reply
 * replaces the previous one), because a post whose answer was lost is posted again.
 */
public interface ReplyApi {

    Platform platform();

    /** False when the adapter lacks its credentials; replies then wait for a person to post them. */
    boolean configured();

    PostOutcome post(String platformReviewId, String text);
}
