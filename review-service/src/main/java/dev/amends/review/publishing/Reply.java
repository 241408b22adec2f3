package dev.amends.review.publishing;

import java.util.UUID;

/** An approved response on its way to a platform: the text of one version, for one review. */
public record Reply(UUID reviewId, int version, String platform, String platformReviewId, String text) {
}
