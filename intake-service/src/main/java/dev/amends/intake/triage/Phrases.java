package dev.amends.intake.triage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A list of phrases, English and German, found in a customer's words as a reader would: whole
 * words, any case, typographic apostrophes as plain ones, and not right after a negation ("not
 * angry", "nicht verärgert", "I don't want a voucher").
 */
final class Phrases {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern NEGATED = Pattern.compile(
            "(?:\\b(?:not|nicht|kein\\w*|dont|doesnt|didnt|wont|cant|isnt|wasnt|arent)\\b|n't)\\s+(?:\\S+\\s+){0,2}$",
            FLAGS);
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;,\\n]");

    private final Pattern pattern;

    private Phrases(Pattern pattern) {
        this.pattern = pattern;
    }

    static Phrases of(List<String> english, List<String> german) {
        return new Phrases(Pattern.compile("\\b(?:" + String.join("|", Stream.concat(english.stream(),
                german.stream()).toList()) + ")\\b", FLAGS));
    }

    /** The first phrase in {@code text} that is not negated: its start, end and words as written. */
    Optional<Found> find(String text) {
        String plain = plain(text);
        Matcher matcher = pattern.matcher(plain);
        while (matcher.find()) {
            if (!negated(plain, matcher.start())) {
                return Optional.of(new Found(matcher.start(), matcher.end(), matcher.group()));
            }
        }
        return Optional.empty();
    }

    record Found(int start, int end, String words) {
    }

    /** The first such phrase, in lower case. */
    Optional<String> in(String text) {
        return find(text).map(found -> found.words().toLowerCase(Locale.ROOT));
    }

    static String plain(String text) {
        return text == null ? "" : text.replace('\u2019', '\'');
    }

    private static boolean negated(String text, int start) {
        int clause = 0;
        Matcher end = CLAUSE_END.matcher(text).region(0, start);
        while (end.find()) {
            clause = end.end();
        }
        return NEGATED.matcher(text.substring(clause, start)).find();
    }
}
