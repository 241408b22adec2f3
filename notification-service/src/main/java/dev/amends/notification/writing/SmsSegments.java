package dev.amends.notification.writing;

import java.util.Map;

/**
 * What an SMS costs: how many segments of a concatenated message its text takes (3GPP TS 23.038
 * and 23.040). A text in the GSM 7-bit alphabet takes 160 septets in one segment, 153 in each of
 * several (the rest carries the header joining them); characters of the extension table take two.
 * One character outside the alphabet turns the whole text into UCS-2: 70 characters, or 67 per
 * segment. Providers bill, and many phones show, per segment.
 */
public final class SmsSegments {

    /** The most an SMS of ours may cost: two segments, 306 GSM-7 characters or 134 in UCS-2. */
    public static final int LIMIT = 2;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** Typography with a plain GSM-7 equal: left as it is, it would make the whole text UCS-2. */
    private static final Map<Character, String> PLAIN = Map.ofEntries(Map.entry('\u00A0', " "),
            Map.entry('\u202F', " "), Map.entry('\u2009', " "), Map.entry('\u2018', "'"), Map.entry('\u2019', "'"),
            Map.entry('\u201A', "'"), Map.entry('\u201C', "\""), Map.entry('\u201D', "\""),
            Map.entry('\u201E', "\""), Map.entry('\u2013', "-"), Map.entry('\u2014', "-"),
            Map.entry('\u2026', "..."), Map.entry('\u00AB', "\""), Map.entry('\u00BB', "\""));

    private SmsSegments() {
    }

    /** The text with typographic spaces, quotes and dashes as their GSM-7 equals. */
    public static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(PLAIN.getOrDefault(c, String.valueOf(c)));
        }
        return out.toString();
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    /** The segments {@code text} takes. */
    public static int count(String text) {
        if (isGsm7(text)) {
            long septets = text.chars().mapToLong(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (int) Math.ceil(septets / 153.0);
        }
        int units = text.length();
        return units <= 70 ? 1 : (int) Math.ceil(units / 67.0);
    }
}
