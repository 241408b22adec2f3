package dev.amends.review.publictext;

import dev.amends.contract.recovery.Fault;
import dev.amends.voice.Phrase;
import dev.amends.voice.ToneCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every public response passes, drafted or edited by a person: the tone check that
 * messages to customers pass, plus the public rules. A response with findings is not approved.
 */
public final class PublicCheck {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}-])\\+?\\d[\\d ().\\-/]{5,}\\d(?![\\p{N}-])");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[€$£¥]\\s?\\d[\\d.,]*|\\d[\\d.,]*\\s?(?:[€$£¥]|(?:EUR|USD|GBP|CHF|euros?|dollars?|pounds?|bucks)\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER_REFERENCE = Pattern.compile("\\b[A-Z]{2,6}-\\d[A-Z0-9-]*\\b");
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,5}[a-z]?\\s+(?:[\\p{L}'-]+\\s+){0,3}(?:street|st\\.|road|rd\\.|avenue|ave\\.|lane|drive|close|way|"
                    + "straße|strasse|weg|platz|allee)\\b"
                    // German order: the street, often one word, then the number ("Hauptstraße 12").
                    + "|\\b[\\p{L}-]*(?:straße|strasse|weg|platz|allee|gasse|ring)\\s+\\d{1,4}[a-z]?\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Map<PublicRule, List<Phrase>> PHRASES = new EnumMap<>(PublicRule.class);

    static {
        for (PublicRule rule : PublicRule.values()) {
            PHRASES.put(rule, rule.phrases().stream().map(Phrase::of).toList());
        }
    }

    private PublicCheck() {
    }

    /**
     * What the reviewer said in public (they may be quoted back), and what we hold in private about
     * the customer the review may be about (which must never appear unless they said it).
     */
    public record Context(String reviewText, String authorName, Fault fault, List<String> privateValues) {

        public Context {
            reviewText = reviewText == null ? "" : reviewText;
            authorName = authorName == null ? "" : authorName;
            fault = fault == null ? Fault.UNKNOWN : fault;
            privateValues = privateValues == null ? List.of() : privateValues.stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
        }

        /** 39.90 was said if the review has that number, written 39.90 or 39,90, and not as part of another. */
        boolean saidAmount(String number) {
            String decimalPoints = reviewText.replaceAll("(\\d),(\\d)", "$1.$2");
            return Pattern.compile("(?<![\\d.])" + Pattern.quote(number.replace(',', '.')) + "(?![\\d]|\\.\\d)")
                    .matcher(decimalPoints).find();
        }

        boolean saidInPublic(String value) {
            String needle = plain(value);
            return plain(reviewText).contains(needle) || plain(authorName).contains(needle);
        }
    }

    /** One thing that breaks a rule: which rule, the words, and what the rule asks. */
    public record Finding(String rule, String phrase, String meaning) {

        public String explain() {
            return "\"" + phrase + "\" breaks " + rule + ": " + meaning;
        }
    }

    public static List<Finding> check(String text, Context context) {
        List<Finding> findings = new ArrayList<>();
        for (ToneCheck.Finding tone : ToneCheck.check(text, context.fault())) {
            findings.add(new Finding(tone.rule().name(), tone.phrase(), tone.rule().meaning()));
        }
        privateDetails(text, context, findings);
        String plain = plain(text);
        // Already lower case, so it is its own lowered form.
        for (PublicRule rule : PublicRule.values()) {
            for (Phrase phrase : PHRASES.get(rule)) {
                phrase.in(plain, plain).ifPresent(found -> findings.add(new Finding(rule.name(), found, rule.meaning())));
            }
        }
        return findings;
    }

    private static void privateDetails(String text, Context context, List<Finding> findings) {
        String rule = PublicRule.PRIVATE_DETAILS.name();
        String meaning = PublicRule.PRIVATE_DETAILS.meaning();
        for (Pattern shape : List.of(EMAIL, PHONE, ADDRESS)) {
            Matcher matcher = shape.matcher(text);
            while (matcher.find()) {
                findings.add(new Finding(rule, matcher.group(), meaning));
            }
        }
        Matcher amounts = AMOUNT.matcher(text);
        while (amounts.find()) {
            if (!context.saidAmount(amounts.group().replaceAll("[^\\d.,]", "").replaceAll("[.,]+$", ""))) {
                findings.add(new Finding(rule, amounts.group(), meaning));
            }
        }
        Matcher references = ORDER_REFERENCE.matcher(text);
        while (references.find()) {
            if (!context.saidInPublic(references.group())) {
                findings.add(new Finding(rule, references.group(), meaning));
            }
        }
        for (String value : context.privateValues()) {
            for (String part : privateParts(value)) {
                if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])").matcher(text)
                        .find() && !context.saidInPublic(part)) {
                    findings.add(new Finding(rule, part, meaning));
                }
            }
        }
    }

    /**
     * A contact detail or reference is private as a whole; of a name, the whole and each word after
     * the first (the surname a reviewer shows only as an initial). Names are compared with their case,
     * so that a surname such as Young does not catch the word "young".
     */
    private static List<String> privateParts(String value) {
        String[] words = value.strip().split("\\s+");
        if (value.contains("@") || value.matches(".*\\d.*") || words.length == 1) {
            return List.of(value.strip());
        }
        List<String> parts = new ArrayList<>(List.of(value.strip()));
        parts.addAll(Arrays.asList(words).subList(1, words.length).stream().filter(w -> w.length() > 1).toList());
        return parts;
    }

    private static String plain(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
