package dev.amends.review.matching;

import java.time.Instant;

/**
 * A review as its platform gives it: what matching and drafting read. {@code orderReference} and
 * {@code authorEmail} are set only where the platform passes them on.
 */
public record PostedReview(String platform, int rating, String authorName, String text, Instant writtenAt,
        String orderReference, String authorEmail) {

    /** The name a public answer may greet: the first word of the name the reviewer shows. */
    public String greetingName() {
        String name = authorName == null ? "" : authorName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
