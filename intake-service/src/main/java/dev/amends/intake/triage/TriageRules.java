package dev.amends.intake.triage;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Triage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented rules that triage a complaint from what is at stake and what the story says.
 * Deterministic and explainable: every rule that fires adds a line to the rationale. The story
 * is only read, never changed.
 */
public final class TriageRules {

    // English and German, the languages the platform writes in.
    private static final Pattern SAFETY = words("injur\\w*", "hurt", "hospital", "fire", "smoke", "burn\\w*",
            "unsafe", "danger\\w*", "electric shock", "allerg\\w*", "poison\\w*", "verletz\\w*", "krankenhaus",
            "notaufnahme", "feuer", "brand", "rauch\\w*", "verbrenn\\w*", "verbrannt", "gefährlich\\w*",
            "stromschlag", "allergi\\w*", "vergift\\w*");
    private static final Pattern LEGAL = words("lawyer", "solicitor", "attorney", "court", "sue", "legal action",
            "ombudsman", "regulator", "trading standards", "anwalt", "rechtsanwalt\\w*", "anwältin", "gericht\\w*",
            "verklag\\w*", "rechtliche\\w* schritte", "verbraucherzentrale", "schlichtungsstelle", "abmahnung");
    private static final Pattern REPEAT = words("again", "second time", "third time", "once more", "keeps happening",
            "every time", "still not", "schon wieder", "wieder einmal", "erneut", "zum zweiten mal", "zum dritten mal",
            "immer noch nicht", "jedes mal");
    // A reference such as ORD-2026 is not shouting.
    private static final Pattern SHOUTED = Pattern.compile("(?<![\\w-])\\p{Lu}{3,}(?![\\w-])");
    private static final String OVER_SERVE = "over-serve with a faster follow-up and a more senior owner, never a worse "
            + "deal";
    private static final BigDecimal HIGH_STAKE = new BigDecimal("250");
    private static final BigDecimal MEDIUM_STAKE = new BigDecimal("50");

    private static final Map<ComplaintCategory, String> CATEGORY_CAUSE = Map.of(
            ComplaintCategory.BILLING, "billing",
            ComplaintCategory.DELIVERY, "delivery",
            ComplaintCategory.PRODUCT, "product-quality",
            ComplaintCategory.SERVICE, "customer-service",
            ComplaintCategory.OTHER, "unclassified");
    private static final Map<String, Pattern> STORY_CAUSES = Map.of(
            "carrier", words("courier", "driver", "tracking", "parcel", "package", "kurier\\w*", "fahrer\\w*",
                    "zusteller\\w*", "sendungsverfolgung", "paket\\w*"),
            "payment-processing", words("charged twice", "double charge\\w*", "overcharged", "card declined",
                    "doppelt (?:abgebucht|berechnet)", "zu viel (?:abgebucht|berechnet)", "karte abgelehnt"),
            "digital-channels", words("app", "website", "log ?in", "password", "checkout", "webseite", "passwort",
                    "anmeld\\w*"),
            "staff-responsiveness", words("rude", "hung up", "ignored", "nobody called", "no one called",
                    "never called", "no reply", "no response", "nobody came", "no one came", "unfreundlich",
                    "aufgelegt", "ignoriert", "niemand hat (?:\\S+ )?(?:zurückgerufen|geantwortet)", "keine antwort"),
            "product-quality", words("broken", "defect\\w*", "faulty", "damaged", "stopped working", "kaputt",
                    "defekt\\w*", "beschädigt\\w*", "funktioniert nicht mehr"),
            "fulfilment-delay", words("late", "delay\\w*", "never arrived", "still waiting", "weeks?", "verspät\\w*",
                    "zu spät", "nie angekommen", "warte (?:immer )?noch", "wochen?"));

    private TriageRules() {
    }

    /**
     * @param earlierComplaints the customer's complaints to this tenant in the last 12 months
     */
    public static Triage assess(ComplaintCategory category, String summary, String story, Money atStake,
            long earlierComplaints) {
        String text = summary + "\n" + story;
        List<String> rationale = new ArrayList<>();
        Severity severity = Severity.MEDIUM;
        if (atStake != null && atStake.amount().compareTo(HIGH_STAKE) >= 0) {
            severity = Severity.HIGH;
            rationale.add(atStake + " at stake is " + HIGH_STAKE + " or more: high severity.");
        } else if (atStake != null && atStake.amount().compareTo(MEDIUM_STAKE) < 0) {
            severity = Severity.LOW;
            rationale.add(atStake + " at stake is under " + MEDIUM_STAKE + ": low severity unless the story says more.");
        }
        String legal = firstMatch(LEGAL, text);
        if (legal != null) {
            severity = max(severity, Severity.HIGH);
            rationale.add("The story mentions legal steps (\"" + legal + "\"): high severity.");
        }
        String safety = firstMatch(SAFETY, text);
        if (safety != null) {
            severity = Severity.CRITICAL;
            rationale.add("The story mentions a risk to safety (\"" + safety + "\"): critical severity.");
        }

        boolean overService = false;
        long shouted = SHOUTED.matcher(story).results().count();
        long exclamations = story.chars().filter(c -> c == '!').count();
        if (shouted >= 3 || exclamations >= 3) {
            overService = true;
            rationale.add("The customer is angry (" + (shouted >= 3 ? shouted + " shouted words"
                    : exclamations + " exclamation marks") + "): " + OVER_SERVE + ".");
        }
        // Each sign is its own line, so that the complaint shows every rule that fired.
        for (OverServiceSign sign : OverServiceSign.values()) {
            Optional<String> words = sign.in(text);
            if (words.isPresent()) {
                overService = true;
                rationale.add(sign.finding() + " (\"" + words.get() + "\"): " + OVER_SERVE + ".");
            }
        }
        String repeat = firstMatch(REPEAT, text);
        if (earlierComplaints > 0 || repeat != null) {
            overService = true;
            rationale.add("A repeat complainant (" + (earlierComplaints > 0
                    ? earlierComplaints + " earlier complaint(s) in 12 months" : "\"" + repeat + "\"")
                    + "): " + OVER_SERVE + ".");
        }

        TreeSet<String> causes = new TreeSet<>();
        causes.add(CATEGORY_CAUSE.get(category));
        STORY_CAUSES.forEach((cause, pattern) -> {
            String match = firstMatch(pattern, text);
            if (match != null && causes.add(cause)) {
                rationale.add("\"" + match + "\" points at " + cause + ".");
            }
        });
        rationale.add("Category " + category + " points at " + CATEGORY_CAUSE.get(category) + ".");
        return new Triage(severity, overService, List.copyOf(causes), rationale);
    }

    private static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group().toLowerCase(Locale.ROOT) : null;
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(?:" + String.join("|", alternatives) + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }
}
