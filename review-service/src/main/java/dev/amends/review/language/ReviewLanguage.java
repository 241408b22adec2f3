package dev.amends.review.language;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language a review is written in, which its public answer is drafted in: English or German,
 * the languages the drafts are written in; anything else is answered in English. A platform that
 * says the language is believed; otherwise the short words every sentence has decide, which needs
 * no model and is right for all but the shortest reviews ("Super!" reads as English).
 */
public enum ReviewLanguage {
    EN(Locale.ENGLISH),
    DE(Locale.GERMAN);

    private static final Set<String> ENGLISH = Set.of("the", "and", "a", "i", "is", "was", "it", "to", "of", "my",
            "not", "no", "with", "for", "they", "we", "you", "very", "but", "this", "that", "have", "had", "never",
            "me", "on", "at", "after", "still", "were", "be");
    private static final Set<String> GERMAN = Set.of("der", "die", "das", "und", "ich", "ist", "war", "nicht",
            "kein", "keine", "mit", "für", "sie", "wir", "sehr", "aber", "mein", "meine", "hat", "habe", "nie",
            "mir", "auf", "nach", "noch", "wurde", "ein", "eine", "zu", "es", "auch", "bei", "dem", "den");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final Locale locale;

    ReviewLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code tag} is the platform's BCP 47 language tag, or null when it gave none. */
    public static ReviewLanguage of(String tag, String text) {
        if (tag != null && !tag.isBlank()) {
            return Locale.forLanguageTag(tag.strip()).getLanguage().equals("de") ? DE : EN;
        }
        return detect(text);
    }

    static ReviewLanguage detect(String text) {
        if (text == null) {
            return EN;
        }
        int english = 0;
        int german = 0;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            english += ENGLISH.contains(word) ? 1 : 0;
            german += GERMAN.contains(word) ? 1 : 0;
        }
        return german > english ? DE : EN;
    }
}
