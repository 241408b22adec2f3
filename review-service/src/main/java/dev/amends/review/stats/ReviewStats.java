package dev.amends.review.stats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * How a tenant's reviews are going: the rating month by month (as first written and as it stands),
 * how many were answered and how fast, and whether customers we recovered came back and changed
 * their rating.
 */
public record ReviewStats(Instant from, Instant to, String platform, long reviews, long answered,
        BigDecimal answeredShare, Duration medianTimeToAnswer, List<Month> ratingByMonth, AfterRecovery afterRecovery) {

    /** {@code firstRating} is the average as written; {@code rating} as the reviews stand now. */
    public record Month(YearMonth month, long reviews, BigDecimal firstRating, BigDecimal rating) {
    }

    /**
     * Reviews matched (as fact) to a complaint that got a make-good. {@code updated}: the reviewer
     * changed their review after the make-good; the ratings are the averages before and after for
     * those reviews.
     */
    public record AfterRecovery(long recovered, long updated, BigDecimal ratingBefore, BigDecimal ratingAfter,
            long improved, long worsened) {
    }
}
