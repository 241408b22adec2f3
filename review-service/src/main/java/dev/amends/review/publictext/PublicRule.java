package dev.amends.review.publictext;

import java.util.List;

/**
 * What a public response must never do, beyond the tone check every outbound text passes
 * (DOMAIN.md rule 9), in English and German, the languages drafts are written in. Phrases are
 * matched whole-word and case-insensitively; private details are found by shape, not by phrase.
 */
public enum PublicRule {

    PRIVATE_DETAILS("No private details in public: no e-mail address, phone number, postal address, order "
            + "reference or name the reviewer did not give, and no amount the reviewer did not state themselves.",
            List.of()),

    GLOATING("Calm, never triumphant: a correction states the record and moves on.",
            List.of("as you can see", "clearly", "obviously", "the facts speak for themselves", "for the record",
                    "nice try", "we proved", "so much for", "contrary to your claim", "contrary to what you",
                    "as our records clearly show", "the truth is", "let's set the record straight",
                    "set the record straight", "busted",
                    "wie Sie sehen", "wie Sie sehen können", "offensichtlich", "eindeutig", "die Fakten sprechen für sich",
                    "zur Klarstellung", "netter Versuch", "wir haben bewiesen", "entgegen Ihrer Behauptung",
                    "richtigstellen")),

    ARGUING("No arguing with the reviewer: state what the record shows, not that they are wrong.",
            List.of("you are wrong", "you're wrong", "that is not true", "that's not true", "this is not true",
                    "that is false", "this is false", "that's false", "you are lying", "you're lying", "that's a lie",
                    "that is a lie", "simply untrue", "we disagree", "not what happened", "you claim",
                    "you conveniently", "misleading review", "fake review",
                    "Sie irren sich", "das ist nicht wahr", "das stimmt nicht", "das ist falsch", "Sie lügen",
                    "eine Lüge", "wir widersprechen", "so war es nicht", "Sie behaupten", "Fake-Bewertung",
                    "gefälschte Bewertung", "irreführende Bewertung")),

    BLAME("No pointing at the reviewer in public.",
            List.of("your fault", "you should have", "you failed to", "if you had read", "you didn't read",
                    "you did not read", "you ignored", "you chose to", "user error", "read the instructions",
                    "your own mistake",
                    "Ihre Schuld", "selbst schuld", "Ihr eigener Fehler", "Sie haben versäumt",
                    "Sie haben vergessen", "lesen Sie die Anleitung", "Anwenderfehler", "Bedienfehler"));

    private final String meaning;
    private final List<String> phrases;

    PublicRule(String meaning, List<String> phrases) {
        this.meaning = meaning;
        this.phrases = phrases;
    }

    public String meaning() {
        return meaning;
    }

    List<String> phrases() {
        return phrases;
    }
}
