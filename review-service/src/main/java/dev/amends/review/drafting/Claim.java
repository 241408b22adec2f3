package dev.amends.review.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something a reviewer says we did not do, that the case record can show we did. Each claim is
 * found by phrases, in English and German; the words found are quoted back to the approver with the
 * counterpoint, so it is plain what it answers.
 */
public enum Claim {

    NO_REFUND("never (?:got|received|saw|had|was given) (?:a |my |the |any )?refund", "never refunded",
            "no refund", "(?:didn't|did not|won't|wouldn't|refused to|never) (?:give|issue|send|process)(?: me)? "
                    + "(?:a |my |the |any )?refund", "still (?:waiting|no sign) (?:for|of) (?:my|a|the) refund",
            "refused (?:me )?a refund",
            "(?:nie|keine|niemals) (?:eine )?(?:rück)?erstattung", "(?:geld|betrag)(?: \\p{L}+){0,3} (?:nie|nicht|noch nicht|bis heute nicht) "
                    + "(?:zurück(?:bekommen|erhalten|erstattet)?|erstattet)", "nie erstattet", "nicht erstattet",
            "warte (?:immer )?noch auf (?:meine|die) (?:rück)?erstattung"),
    NO_COMPENSATION("(?:got|received|offered|given|get) nothing", "no compensation",
            "(?:didn't|did not|never) (?:offer|give)(?: me)? (?:anything|any compensation)",
            "not even a (?:voucher|credit|discount|gesture)",
            "nichts bekommen", "keine (?:entschädigung|gutschrift|kulanz)", "nicht einmal (?:einen gutschein|eine "
                    + "gutschrift|eine entschädigung)"),
    NO_REPLY("(?:nobody|no one|no-one|noone) (?:ever )?(?:answered|replied|responded|got back|called back|contacted me)",
            "never (?:heard back|got (?:a |any )?(?:reply|response|answer))",
            "no (?:reply|response|answer) (?:from|at all|whatsoever)", "ignor(?:ed|ing) (?:me|my)",
            "(?:didn't|did not|never) (?:even )?(?:reply|respond|answer|get back)",
            "(?:niemand|keiner) hat (?:sich )?(?:gemeldet|geantwortet|zurückgerufen|reagiert)",
            "nie (?:eine )?antwort", "keine (?:antwort|rückmeldung|reaktion)", "ignorier(?:t|en)"),
    NO_APOLOGY("(?:nobody|no one|no-one|never) (?:even )?apologi[sz]ed", "not (?:even )?(?:an|a single) apology",
            "no apology", "without (?:an|any) apology",
            "keine entschuldigung", "(?:niemand|keiner) hat sich (?:auch nur )?entschuldigt",
            "nicht (?:einmal|mal) eine entschuldigung", "ohne (?:eine )?entschuldigung"),
    NO_REPLACEMENT("never (?:got|received|sent)(?: me)? (?:a |the |my |any )?replacement", "no replacement",
            "(?:didn't|did not|won't|refused to) (?:send|replace)(?: me)? (?:a |the |my )?(?:replacement|it)",
            "(?:nie|keinen|kein) ersatz", "nie(?:mals)? ersetzt", "nicht ersetzt");

    private final List<Pattern> patterns;

    Claim(String... phrases) {
        this.patterns = java.util.Arrays.stream(phrases)
                .map(p -> Pattern.compile("\\b" + p + "\\b",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
                .toList();
    }

    /** A claim in a review: which, and the words that make it. */
    public record Found(Claim claim, String words) {
    }

    /** Every claim the text makes, each once, with the first words that make it. */
    public static List<Found> in(String text) {
        String plain = text == null ? "" : text.replace('\u2019', '\'').replaceAll("\\s+", " ");
        List<Found> found = new ArrayList<>();
        for (Claim claim : values()) {
            for (Pattern pattern : claim.patterns) {
                Matcher matcher = pattern.matcher(plain);
                if (matcher.find()) {
                    found.add(new Found(claim, plain.substring(matcher.start(), matcher.end())));
                    break;
                }
            }
        }
        return found;
    }

    /** The name rules and sentences use: "no-refund". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
