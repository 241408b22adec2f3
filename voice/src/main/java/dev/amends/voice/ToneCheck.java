package dev.amends.voice;

import dev.amends.contract.recovery.Fault;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tone check every outbound text passes before it goes out: to a customer or in public. It
 * finds grudging giving, boilerplate empathy, blame, and, where the customer was at fault, a false
 * admission. A text with findings is not sent: a person looks at it first.
 */
public final class ToneCheck {

    /** Compiled once: every message sent is checked, and compiling each phrase each time dominated. */
    private static final Map<ToneRule, List<Phrase>> PHRASES = new EnumMap<>(ToneRule.class);

    static {
        for (ToneRule rule : ToneRule.values()) {
            PHRASES.put(rule, rule.phrases().stream().map(Phrase::new).toList());
        }
    }

    /**
     * A phrase, and its words in lower case as they stand in a normalised text. A pattern that begins
     * by looking behind is tried at every position of the text; most phrases are in no text, and
     * finding that out with {@code contains} first made checking a letter several times cheaper.
     */
    private record Phrase(String words, Pattern pattern) {
        Phrase(String phrase) {
            this(phrase.toLowerCase(Locale.ROOT), phrase(phrase));
        }
    }

    private ToneCheck() {
    }

    /** One phrase that broke a rule, as it stands in the text. */
    public record Finding(ToneRule rule, String phrase) {

        /** For a person reading why a message was held. */
        public String explain() {
            return "\"" + phrase + "\" breaks rule " + rule.domainRule() + " (" + rule.name() + "): " + rule.meaning();
        }
    }

    /** Every finding in the text, in the order of the rules; empty when it may go out. */
    public static List<Finding> check(String text, Fault fault) {
        String plain = normalise(text);
        String lower = lowerEachLetter(plain);
        List<Finding> findings = new ArrayList<>();
        for (ToneRule rule : ToneRule.values()) {
            if (rule == ToneRule.FALSE_ADMISSION && fault != Fault.CUSTOMER) {
                continue;
            }
            for (Phrase phrase : PHRASES.get(rule)) {
                if (!lower.contains(phrase.words())) {
                    continue;
                }
                Matcher matcher = phrase.pattern().matcher(plain);
                if (matcher.find()) {
                    findings.add(new Finding(rule, plain.substring(matcher.start(), matcher.end())));
                }
            }
        }
        return findings;
    }

    /**
     * Each letter lowered on its own, as a case-insensitive pattern compares them, so that the text
     * keeps its length and a phrase the pattern would find is always contained.
     */
    private static String lowerEachLetter(String text) {
        char[] letters = text.toCharArray();
        for (int i = 0; i < letters.length; i++) {
            letters[i] = Character.toLowerCase(letters[i]);
        }
        return new String(letters);
    }

    private static String normalise(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2011', '-').replace('\u2010', '-')
                .replaceAll("\\s+", " ");
    }

    /**
     * A phrase as the checks match it: whole words, any case, any run of white space between its
     * words. Public so that other rule sets (review-service's public rules) match the same way.
     */
    public static Pattern phrase(String phrase) {
        String body = Pattern.quote(phrase.toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q");
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
