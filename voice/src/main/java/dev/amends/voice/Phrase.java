package dev.amends.voice;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase the checks look for: whole words, any case, any run of white space between its words.
 * Its pattern begins by looking behind, so it is tried at every position of a text; most phrases
 * are in no text, and finding that out with {@code contains} on the lowered text first made
 * checking a letter several times cheaper.
 */
public record Phrase(String words, Pattern pattern) {

    public static Phrase of(String phrase) {
        String words = phrase.toLowerCase(Locale.ROOT);
        String body = Pattern.quote(words).replace(" ", "\\E\\s+\\Q");
        return new Phrase(words, Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /**
     * The phrase as it stands in {@code text} (its white space runs already single spaces), if it
     * does; {@code lowered} is that text as {@link #lowered} gives it.
     */
    public Optional<String> in(String text, String lowered) {
        if (!lowered.contains(words)) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(text.substring(matcher.start(), matcher.end())) : Optional.empty();
    }

    /**
     * Each letter lowered on its own, as a case-insensitive pattern compares them, so that the text
     * keeps its length and a phrase the pattern finds is always contained in it.
     */
    public static String lowered(String text) {
        char[] letters = text.toCharArray();
        for (int i = 0; i < letters.length; i++) {
            letters[i] = Character.toLowerCase(letters[i]);
        }
        return new String(letters);
    }
}
