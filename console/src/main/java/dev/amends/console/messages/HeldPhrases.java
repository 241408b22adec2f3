package dev.amends.console.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases a hold reason names: the tone check writes each finding as {@code "phrase" breaks
 * rule N (...)}. The page marks each where it stands in the text.
 */
final class HeldPhrases {

    /** A run of the text, marked when it is one of the phrases. */
    record Part(String text, boolean finding) {
    }

    private static final Pattern FINDING = Pattern.compile("\"([^\"]+)\" breaks rule");

    private HeldPhrases() {
    }

    static List<String> in(String reason) {
        List<String> phrases = new ArrayList<>();
        Matcher m = FINDING.matcher(reason);
        while (m.find()) {
            phrases.add(m.group(1));
        }
        return phrases;
    }

    static List<Part> split(String text, List<String> phrases) {
        List<Part> parts = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int at = 0;
        while (at < text.length()) {
            int next = -1;
            String found = null;
            for (String phrase : phrases) {
                int i = lower.indexOf(phrase.toLowerCase(Locale.ROOT), at);
                if (i >= 0 && (next < 0 || i < next)) {
                    next = i;
                    found = phrase;
                }
            }
            if (found == null || found.isEmpty()) {
                parts.add(new Part(text.substring(at), false));
                break;
            }
            if (next > at) {
                parts.add(new Part(text.substring(at, next), false));
            }
            parts.add(new Part(text.substring(next, next + found.length()), true));
            at = next + found.length();
        }
        return parts;
    }
}
