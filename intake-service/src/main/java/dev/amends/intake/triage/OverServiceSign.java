package dev.amends.intake.triage;

import java.util.List;
import java.util.Optional;

/**
 * What in a customer's own words says they are to be over-served (DOMAIN.md rule 6), in English and
 * German, the languages the platform writes in. People who are angry rarely shout: "I am appalled
 * that nobody has even apologised" needs the fast follow-up as much as capitals do. Each sign is a
 * list of phrases so that a person can read why it fired; a phrase right after a negation ("not
 * angry", "nicht verärgert", "won't cancel") does not count.
 */
enum OverServiceSign {

    OUTRAGE("The customer is outraged",
            List.of("outrag\\w*", "appall?(?:ed|ing)", "disgust\\w*", "disgrace\\w*", "unacceptable", "furious",
                    "livid", "fuming", "angry", "angered", "infuriat\\w*", "shock(?:ed|ing)", "scandal\\w*",
                    "beyond belief", "fed up", "sick and tired", "had enough", "ridiculous", "absurd", "worst",
                    "unbelievable", "insult\\w*", "how dare", "beyond a joke"),
            List.of("unverschämt\\w*", "unverschämtheit", "empör\\w*", "wütend\\w*", "verärgert\\w*", "entsetz\\w*",
                    "fassungslos\\w*", "frechheit", "skandal\\w*", "zumutung", "inakzeptabel\\w*", "katastroph\\w*",
                    "stinksauer", "(?:sehr|total|richtig) sauer", "sauerei", "die nase (?:gestrichen )?voll",
                    "es reicht", "unglaublich\\w*", "ärgerlich\\w*", "schlimmste\\w*")),
    CONTEMPT("The customer writes with contempt for us",
            List.of("incompeten\\w*", "useless", "pathetic", "(?:what )?a joke", "clowns?", "amateur\\w*",
                    "hopeless", "shambl\\w*", "clueless", "couldn'?t care less", "(?:don'?t|do not|doesn'?t) care",
                    "laughable", "cowboys", "rip[- ]?off", "scam\\w*", "a farce"),
            List.of("inkompetent\\w*", "unfähig\\w*", "lächerlich\\w*", "armselig\\w*", "saftladen", "ein witz",
                    "witzlos", "amateur\\w*", "stümper\\w*", "abzocke\\w*", "betrug", "betrüger\\w*", "peinlich\\w*",
                    "(?:ist|sind) (?:euch|ihnen|dir) (?:\\S+ ){0,2}egal", "interessiert (?:euch|sie|ihn) "
                            + "(?:doch |überhaupt |gar )?nicht", "farce")),
    IGNORED("The customer feels ignored",
            List.of("(?:nobody|no one|no-one|noone) (?:has |had )?(?:ever |even |yet |bothered to )?(?:(?:called|rang|"
                            + "phoned|wr[oi]te|written|got|gotten|came|come) back|replied|responded|answered|"
                            + "apologi[sz]ed|bothered|contacted me|listen\\w*|cares?|cared)",
                    "never (?:(?:called|rang|phoned|wrote|got|heard|came) back|replied|responded|answered|heard from)",
                    "(?:still )?no (?:reply|response|answer|call ?back|word|one answers)", "heard nothing",
                    "(?:haven'?t|have not|hasn'?t|has not) (?:heard|had) (?:anything|a word|back)",
                    "ignor(?:ed|ing)", "fobbed off", "(?:from pillar to post|passed around)",
                    "(?:second|third|fourth|fifth|sixth|\\d+(?:st|nd|rd|th)) time (?:i|i'?m|i'?ve|that i|we)\\b",
                    "(?:written|wrote|called|phoned|rung|e-?mailed|chased|contacted)(?: you| your \\w+)?(?: \\w+)? "
                            + "(?:twice|three times|four times|five times|several times|many times|multiple times|"
                            + "\\d+ times)",
                    "i (?:keep|kept) (?:calling|writing|chasing|asking)"),
            List.of("(?:niemand|keiner|keine[rn]?) (?:hat|hatte|hat sich|hatte sich) (?:\\S+ ){0,3}(?:zurückgerufen|"
                            + "gemeldet|geantwortet|entschuldigt|reagiert|gekümmert)",
                    "meldet sich (?:\\S+ )?(?:niemand|keiner)", "(?:keine|nie eine?) (?:antwort|rückmeldung|reaktion|"
                            + "rückruf\\w*)", "nie zurückgerufen", "ignorier\\w*",
                    "zum (?:zweiten|dritten|vierten|fünften|x-ten|wiederholten|\\d+\\.) mal",
                    "(?:zweimal|dreimal|viermal|fünfmal|mehrmals|mehrfach|x-mal|\\d+ ?mal) (?:\\S+ ){0,2}(?:geschrieben|"
                            + "angerufen|gemeldet|nachgefragt|reklamiert)", "vertröstet", "hingehalten",
                    "warteschleife")),
    LEAVING("The customer threatens to leave",
            List.of("cancel(?:l?ing)? (?:my|the|our) (?:account|subscription|contract|membership|card)",
                    "close (?:my|our) account", "tak(?:e|ing) (?:my|our) (?:business|custom|money) elsewhere",
                    "never (?:order|buy|shop|use|book|fly|come back|return)\\w*", "last time i (?:order|buy|shop|use|book)",
                    "(?:switch|switching|move|moving|go|going) to (?:a |another |your )?(?:competitor|rival|"
                            + "another provider|someone else)",
                    "lost (?:a|me as a) customer", "lost my custom", "(?:won'?t|will not) be (?:back|ordering|buying|"
                            + "shopping|using|returning)", "done with (?:you|your company)", "i'?m leaving",
                    "i will leave"),
            List.of("kündig\\w*", "gekündigt", "kündigung\\w*", "(?:konto|vertrag|abo\\w*|mitgliedschaft) (?:\\S+ ){0,2}(?:kündigen|"
                            + "schließen|löschen|beenden)",
                    "nie wieder (?:\\S+ ){0,3}(?:bestell\\w*|kauf\\w*|buch\\w*)", "(?:bestelle|kaufe|buche) (?:\\S+ ){0,3}"
                            + "nie wieder", "zur konkurrenz", "woanders (?:bestellen|kaufen|einkaufen)",
                    "(?:einen|als) kunden verloren", "ehemalige\\w* kund\\w*", "das letzte mal (?:\\S+ ){0,3}"
                            + "(?:bestellt|gekauft|gebucht)")),
    GOING_PUBLIC("The customer threatens to go public",
            List.of("social media", "twitter", "tweet\\w*", "facebook", "instagram", "tiktok", "reddit", "youtube",
                    "trustpilot", "the press", "newspapers?", "journalists?", "watchdog", "go(?:ing)? public",
                    "tell (?:everyone|everybody|all my friends|the world|people)", "warn (?:others|everyone|other "
                            + "(?:customers|people|buyers)|people)",
                    "(?:write|leave|post|posting|writing|leaving) (?:a |an )?(?:\\S+ )?(?:review|post) (?:about|on)",
                    "(?:1|one)[- ]star"),
            List.of("soziale\\w* (?:medien|netzwerk\\w*)", "öffentlich (?:machen|gemacht)", "presse",
                    "zeitung\\w*", "journalist\\w*", "medien", "(?:bewertung|rezension) (?:\\S+ ){0,2}(?:schreiben|"
                            + "abgeben|hinterlassen|veröffentlichen)", "(?:alle|andere|jeden|meine freunde) (?:\\S+ ){0,2}"
                            + "warnen", "(?:ein|1)[- ]?stern\\w*")),
    DISTRESS("The customer is in distress",
            List.of("in tears", "crying", "cried", "desperate\\w*", "distraught", "distressed", "devastated",
                    "heartbroken", "at my wits'? end", "beside myself", "can'?t sleep", "cannot sleep", "sleepless",
                    "worried sick", "anxious", "anxiety", "panic\\w*", "stressed", "stressful", "breaking down",
                    "can'?t afford", "cannot afford", "no money (?:left|for)", "overdrawn",
                    "without (?:heating|heat|hot water|electricity|power|food|medication|medicine)", "vulnerable",
                    "pregnant", "grieving", "funeral", "bereave\\w*"),
            List.of("verzweifel\\w*", "in tränen", "geweint", "weine", "mit den nerven am ende",
                    "fix und fertig", "am boden zerstört", "schlaflos\\w*", "kann nicht (?:mehr )?schlafen",
                    "angst", "panik\\w*", "gestresst", "existenz\\w*", "kein geld mehr", "nicht leisten",
                    "(?:konto|dispo) (?:ist )?überzogen", "ohne (?:heizung|strom|warmwasser|essen|medikamente)",
                    "schwanger", "beerdigung", "trauerfall", "pflegebedürftig\\w*"));

    private final String finding;
    private final Phrases phrases;

    OverServiceSign(String finding, List<String> english, List<String> german) {
        this.finding = finding;
        this.phrases = Phrases.of(english, german);
    }

    /** "The customer feels ignored": the first half of the rationale line. */
    String finding() {
        return finding;
    }

    /** The first words in {@code text} that show this sign, in lower case, or empty. */
    Optional<String> in(String text) {
        return phrases.in(text);
    }
}
