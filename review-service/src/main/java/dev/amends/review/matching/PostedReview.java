package dev.amends.review.matching;

import dev.amends.review.language.ReviewLanguage;
import java.time.Instant;

/**
 * A review as its platform gives it: what matching and drafting read. {@code orderReference} and
 * {@code authorEmail} are set only where the platform passes them on.
 */
public record PostedReview(String platform, int rating, String authorName, String text, Instant writtenAt,
        String orderReference, String authorEmail, ReviewLanguage language) {

    public PostedReview {
        language = language == null ? ReviewLanguage.of(null, text) : language;
    }

    /** A review whose language is read from its words. */
    public PostedReview(String platform, int rating, String authorName, String text, Instant writtenAt,
            String orderReference, String authorEmail) {
        this(platform, rating, authorName, text, writtenAt, orderReference, authorEmail, null);
    }

    /** The name a public answer may greet: the first word of the name the reviewer shows. */
    public String greetingName() {
        String name = authorName == null ? "" : authorName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
