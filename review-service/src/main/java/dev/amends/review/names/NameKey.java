package dev.amends.review.names;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as matching compares them, and as they are stored to be looked up by: "Zoë  O'Brien" and
 * "zoe obrien" are the same key. A case record is found by its customer's first name; a review by
 * its author's whole name, which is either the customer's whole name or their first name and the
 * initial of their last ("Maria G.").
 */
public final class NameKey {

    // Compiled once: matching normalises every candidate's name, many times per batch.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private NameKey() {
    }

    /** Lower case, accents and punctuation gone, single spaces. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String letters = NOT_A_LETTER.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll("");
        return SPACES.matcher(letters).replaceAll(" ").strip();
    }

    /** The first word of the name's key: "Zoë O'Brien" gives "zoe". */
    public static String firstName(String name) {
        String key = of(name);
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(0, space);
    }

    /**
     * The keys of the review authors whose name fits this customer's: the whole name, and the first
     * name with the initial of the last ("maria garcia", "maria g").
     */
    public static List<String> authorsFitting(String customerName) {
        String whole = of(customerName);
        String[] words = whole.split(" ");
        if (words.length < 2) {
            return List.of(whole);
        }
        return List.of(whole, words[0] + " " + words[words.length - 1].charAt(0));
    }
}
