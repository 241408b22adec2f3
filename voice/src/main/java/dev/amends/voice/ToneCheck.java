package dev.amends.voice;

import dev.amends.contract.recovery.Fault;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
            PHRASES.put(rule, rule.phrases().stream().map(Phrase::of).toList());
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
        String lowered = Phrase.lowered(plain);
        List<Finding> findings = new ArrayList<>();
        for (ToneRule rule : ToneRule.values()) {
            if (rule == ToneRule.FALSE_ADMISSION && fault != Fault.CUSTOMER) {
                continue;
            }
            for (Phrase phrase : PHRASES.get(rule)) {
                phrase.in(plain, lowered).ifPresent(found -> findings.add(new Finding(rule, found)));
            }
        }
        return findings;
    }

    private static String normalise(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2011', '-').replace('\u2010', '-')
                .replaceAll("\\s+", " ");
    }
}
