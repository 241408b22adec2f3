package dev.amends.review.drafting;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a good review praises, so that it is thanked for that and not for the complaint's category.
 * A review is read clause by clause: only a clause with a word of praise and no negation counts
 * ("the delivery was late, but Sarah in support sorted it" praises Sarah and the recovery, not the
 * delivery). English and German.
 */
public enum Praise {
    /** The person or team who helped. */
    PEOPLE("staff", "support", "agent", "advis[eo]r", "team", "colleague", "customer service", "customer care",
            "service desk", "hotline", "(?:lady|guy|man|woman|person|rep|representative) (?:on|at|in|from)",
            "mitarbeiter(?:in|innen)?", "kundenservice", "kundendienst", "beratung", "berater(?:in)?",
            "kollegin", "kollege", "(?:frau|herr) \\p{Lu}\\p{L}+"),
    /** How a problem was put right. */
    RECOVERY("sorted(?: it| this| everything)?(?: out)?", "put (?:it|things|everything) right",
            "made (?:it|things|everything) right", "fixed", "resolved", "refund(?:ed)?", "replace(?:d|ment)",
            "compensat\\w*", "voucher", "credit(?:ed)?", "apologi[sz]ed", "complaint", "problem", "issue",
            "gelöst", "geklärt", "erstatt\\w*", "rückerstattung", "ersatz", "ersetzt", "entschuldigt", "gutschrift",
            "gutschein", "reklamation", "wieder gutgemacht", "in ordnung gebracht"),
    DELIVERY("deliver\\w*", "arrived", "courier", "driver", "parcel", "package", "shipping", "dispatch\\w*",
            "on time", "lieferung", "geliefert", "angekommen", "paket", "zusteller", "fahrer", "versand"),
    PRODUCT("product", "item", "quality", "works? (?:perfectly|great|well)", "fits", "produkt", "artikel",
            "qualität", "ware"),
    BILLING("bill(?:ing)?", "invoice", "price", "pric(?:ed|ing)", "payment", "rechnung", "preis", "zahlung",
            "abrechnung");

    private static final Pattern PRAISING = words("great", "brilliant", "excellent", "amazing", "fantastic",
            "helpful", "friendly", "kind", "lovely", "quick(?:ly)?", "fast", "prompt(?:ly)?", "superb", "perfect(?:ly)?",
            "wonderful", "thanks?", "thank you", "lov(?:e|ed)", "happy", "impressed", "sorted", "fixed", "resolved",
            "recommend\\w*", "best", "patient", "professional", "polite", "top", "super", "easy", "smooth(?:ly)?",
            "early", "well done", "went above", "beyond", "straight away", "immediately", "in minutes",
            "clear", "fair", "transparent",
            // German adjectives inflect ("nette Mitarbeiterin", "schnelle Lieferung"), so their endings are open.
            "toll\\w*", "sofort", "klasse", "prima", "hervorragend\\w*", "ausgezeichnet\\w*", "großartig\\w*",
            "hilfsbereit\\w*", "freundlich\\w*", "nett\\w*", "schnell\\w*", "zügig\\w*", "perfekt\\w*", "danke\\w*",
            "zufrieden\\w*", "begeistert", "empfehl\\w*", "geduldig\\w*", "kompetent\\w*", "professionell\\w*",
            "unkompliziert\\w*", "reibungslos\\w*", "pünktlich\\w*", "gelöst", "übersichtlich\\w*");
    private static final Pattern NEGATED = words("not", "never", "no", "\\w+n't", "nothing", "rude", "unhelpful",
            "unfriendly", "slow", "late", "nicht", "nie", "kein\\w*", "nichts", "unfreundlich", "unhöflich",
            "langsam", "verspätet");
    private static final Pattern CLAUSES = Pattern.compile(
            "[.!?;:,]+|\\s(?:but|however|although|though|aber|jedoch|doch|obwohl|trotzdem)\\s",
            Pattern.CASE_INSENSITIVE);
    /** "Sarah was brilliant", "Sarah sorted it": a name before what they did, which counts as the people. */
    private static final Pattern NAMED = Pattern.compile(
            "(?<![\\p{L}])\\p{Lu}\\p{Ll}+ (?:was|were|is|has been|went|did|sorted|fixed|helped|resolved|explained|"
                    + "war|ist|hat|hatte|half)(?![\\p{L}])");

    private final Pattern pattern;

    Praise(String... words) {
        this.pattern = words(words);
    }

    /**
     * What the text praises, the most named first, at most two; empty when it praises nothing we can
     * name (a rating alone, "5 stars").
     */
    public static List<Praise> in(String text) {
        Map<Praise, Integer> counts = new EnumMap<>(Praise.class);
        for (String clause : CLAUSES.split(text == null ? "" : text.replace('\u2019', '\''))) {
            if (!PRAISING.matcher(clause).find() || NEGATED.matcher(clause).find()) {
                continue;
            }
            for (Praise praise : values()) {
                int found = count(praise.pattern, clause);
                if (praise == PEOPLE) {
                    found += named(clause);
                }
                if (found > 0) {
                    counts.merge(praise, found, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Praise, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(2).map(Map.Entry::getKey).toList();
    }

    /** A capitalised word before a verb is a person's name unless it is a word of the review itself. */
    private static int named(String clause) {
        int found = 0;
        Matcher matcher = NAMED.matcher(clause.strip());
        while (matcher.find()) {
            String name = matcher.group().substring(0, matcher.group().indexOf(' '));
            boolean word = Arrays.stream(values()).anyMatch(p -> p.pattern.matcher(name).matches())
                    || List.of("It", "This", "That", "Everything", "Everyone", "Order", "Service", "Shipping", "Es",
                            "Das", "Alles", "Die", "Der", "He", "She", "They", "Er", "Sie").contains(name);
            found += word ? 0 : 1;
        }
        return found;
    }

    private static int count(Pattern pattern, String text) {
        int found = 0;
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private static Pattern words(String... words) {
        return Pattern.compile("(?<![\\p{L}])(?:" + String.join("|", words) + ")(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
