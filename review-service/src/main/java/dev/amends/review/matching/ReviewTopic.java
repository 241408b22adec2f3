package dev.amends.review.matching;

import dev.amends.contract.complaint.ComplaintCategory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a review is about, in the complaint categories, from the words the reviewer used (English or
 * German). Keyword
 * counting, so that it is predictable and a person can see why: the category with the most words
 * found wins, and a review with none of them has no topic.
 */
public final class ReviewTopic {

    private static final Map<ComplaintCategory, List<String>> WORDS = Map.of(
            ComplaintCategory.DELIVERY, List.of("deliver\\w*", "parcel", "package", "courier", "shipping", "shipped",
                    "arriv\\w*", "dispatch\\w*", "tracking", "late", "liefer\\w*", "geliefert", "paket\\w*",
                    "zusteller\\w*", "versand\\w*", "verspät\\w*", "angekommen", "sendung"),
            ComplaintCategory.BILLING, List.of("charg\\w*", "overcharg\\w*", "bill\\w*", "invoice\\w*", "payment\\w*",
                    "direct debit", "subscription", "rechnung\\w*", "abbuchung\\w*", "abgebucht", "zahlung\\w*",
                    "belastet", "abo\\w*", "lastschrift"),
            ComplaintCategory.PRODUCT, List.of("broken", "faulty", "damaged", "defective", "quality",
                    "stopped working", "doesn't work", "does not work", "product", "item", "cracked", "kaputt",
                    "defekt\\w*", "beschädigt", "qualität", "produkt\\w*", "artikel", "funktioniert nicht"),
            ComplaintCategory.SERVICE, List.of("staff", "rude", "support", "customer service", "agent", "on hold",
                    "helpful", "unhelpful", "service", "team", "mitarbeiter\\w*", "kundenservice", "kundendienst",
                    "hotline", "warteschleife", "unfreundlich", "beratung"));

    private static final List<ComplaintCategory> ORDER = List.of(ComplaintCategory.DELIVERY, ComplaintCategory.BILLING,
            ComplaintCategory.PRODUCT, ComplaintCategory.SERVICE);

    private ReviewTopic() {
    }

    public static Optional<ComplaintCategory> of(String text) {
        String plain = text == null ? "" : text.toLowerCase(Locale.ROOT);
        ComplaintCategory best = null;
        int bestCount = 0;
        for (ComplaintCategory category : ORDER) {
            int count = 0;
            for (String word : WORDS.get(category)) {
                Matcher matcher = Pattern.compile("\\b" + word + "\\b", Pattern.UNICODE_CHARACTER_CLASS).matcher(plain);
                while (matcher.find()) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = category;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }
}
