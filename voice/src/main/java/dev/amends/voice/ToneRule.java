package dev.amends.voice;

import java.util.List;

/**
 * What outbound text must never do, each with the DOMAIN.md rule it protects and the phrases that
 * break it. Phrases are matched whole-word and case-insensitively, with typographic quotes and
 * runs of white space made plain first. English and German, the languages the templates are written in.
 */
public enum ToneRule {

    GRUDGING_GIVING(4, "A make-good is given gladly and without qualifiers.",
            List.of("one-time", "one time only", "just this once", "this once", "as a one-off", "as a courtesy, but",
                    "you only get one", "only once a year", "one per year", "this time only", "exceptionally",
                    "I don't know what else you expect", "what more do you want",
                    // German, for the German templates
                    "einmalig", "ausnahmsweise", "nur dieses eine Mal", "aus Kulanz, aber", "nur einmal im Jahr",
                    "was erwarten Sie denn noch")),

    BOILERPLATE_EMPATHY(5, "Empathy refers to this customer's story, not a script.",
            List.of("I understand your frustration", "we understand your frustration",
                    "I'm sorry to hear that", "we're sorry to hear that", "sorry for any inconvenience",
                    "apologize for any inconvenience", "apologise for any inconvenience",
                    "we value your feedback", "your call is important to us",
                    "ich verstehe Ihren Ärger", "wir verstehen Ihren Ärger", "ich verstehe Ihren Frust",
                    "etwaige Unannehmlichkeiten", "eventuelle Unannehmlichkeiten", "Ihre Meinung ist uns wichtig")),

    BLAME(3, "No lecture and no pointing at the customer or the rule book.",
            List.of("as stated in our policy", "as per our policy", "per our policy", "according to our terms",
                    "as stated in our terms", "you should have", "you failed to", "it is your responsibility",
                    "as previously stated", "as you were told",
                    "gemäß unseren Richtlinien", "laut unseren Richtlinien", "gemäß unseren AGB", "laut unseren AGB",
                    "Sie hätten", "wie bereits erwähnt", "wie Ihnen mitgeteilt wurde")),

    /** Only where the decision says the customer was at fault: admitting it would be false. */
    FALSE_ADMISSION(3, "Where the customer was at fault, no false admission of ours.",
            List.of("we got this wrong", "our mistake", "our fault", "we made a mistake", "we take full responsibility",
                    "we are responsible",
                    "unser Fehler", "wir haben einen Fehler gemacht", "wir übernehmen die volle Verantwortung"));

    private final int domainRule;
    private final String meaning;
    private final List<String> phrases;

    ToneRule(int domainRule, String meaning, List<String> phrases) {
        this.domainRule = domainRule;
        this.meaning = meaning;
        this.phrases = phrases;
    }

    public int domainRule() {
        return domainRule;
    }

    public String meaning() {
        return meaning;
    }

    List<String> phrases() {
        return phrases;
    }
}
