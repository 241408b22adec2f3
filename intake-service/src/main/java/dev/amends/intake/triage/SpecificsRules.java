package dev.amends.intake.triage;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.CustomerAsk;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.complaint.WhatWentWrong;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a message may refer to out of a complaint (DOMAIN.md rule 5): what went wrong and what
 * the customer asked for, each from a closed list of phrases in English and German, and whether
 * the CRM's summary says anything of its own. Only the list entries leave intake, never the words.
 */
public final class SpecificsRules {

    private static final Map<WhatWentWrong, Phrases> WENT_WRONG = new EnumMap<>(Map.ofEntries(
            Map.entry(WhatWentWrong.LATE, Phrases.of(
                    List.of("late", "delay\\w*", "took (?:\\S+ )?(?:days|weeks)", "(?:days|weeks) after"),
                    List.of("verspät\\w*", "zu spät", "später als"))),
            Map.entry(WhatWentWrong.NOT_ARRIVED, Phrases.of(
                    List.of("never (?:arrived|came|turned up|delivered|received|got it)",
                            "(?:has|have|did|is|was) (?:still )?(?:n't|not) (?:arrived|come|turned up|been delivered)",
                            "not (?:yet )?(?:arrived|delivered|received)", "lost in the post", "lost (?:my |the )?parcel"),
                    List.of("(?:nie|nicht|noch nicht) (?:angekommen|geliefert|zugestellt|erhalten|bekommen)",
                            "ist verloren gegangen", "paket (?:ist )?verloren"))),
            Map.entry(WhatWentWrong.DAMAGED, Phrases.of(
                    List.of("damaged", "dented", "smashed", "crushed", "cracked", "scratched", "arrived broken"),
                    List.of("beschädigt\\w*", "zerbrochen", "eingedrückt", "zerkratzt", "kaputt (?:angekommen|geliefert)"))),
            Map.entry(WhatWentWrong.WRONG_ITEM, Phrases.of(
                    List.of("wrong (?:item|size|colou?r|product|model|order|one)", "not what i ordered"),
                    List.of("falsche\\w* (?:artikel|größe|farbe|produkt|ware|modell)", "nicht (?:das|was) (?:ich )?bestellt"))),
            Map.entry(WhatWentWrong.MISSING_ITEM, Phrases.of(
                    List.of("missing", "incomplete", "(?:left|was|were) out of the (?:box|parcel|order)"),
                    List.of("fehl(?:t|en|te|ten)", "unvollständig\\w*"))),
            Map.entry(WhatWentWrong.FAULTY, Phrases.of(
                    List.of("faulty", "defect\\w*", "broken", "stopped working",
                            "(?:does|did|will|wo)(?:n't| not) (?:work|turn on|switch on|charge|start)"),
                    List.of("defekt\\w*", "funktioniert (?:nicht|nicht mehr|kaum)", "geht nicht (?:mehr )?an", "kaputt"))),
            Map.entry(WhatWentWrong.CHARGED_TWICE, Phrases.of(
                    List.of("charged twice", "double[- ]?charg\\w*", "charged two times", "two payments", "paid twice"),
                    List.of("doppelt (?:abgebucht|berechnet|belastet|bezahlt)", "zweimal (?:abgebucht|berechnet|belastet)"))),
            Map.entry(WhatWentWrong.OVERCHARGED, Phrases.of(
                    List.of("overcharg\\w*", "charged (?:me )?(?:too much|more than)", "wrong (?:amount|price)"),
                    List.of("zu viel (?:abgebucht|berechnet|bezahlt)", "falsche\\w* (?:betrag|preis)"))),
            Map.entry(WhatWentWrong.REFUND_MISSING, Phrases.of(
                    List.of("(?:still )?no refund", "waiting for (?:my|a|the) refund",
                            "refund (?:never|has(?:n't| not)|did(?:n't| not)|still)"),
                    List.of("(?:keine|noch keine|warte auf (?:die|meine)) (?:erstattung|rückerstattung|gutschrift)",
                            "geld (?:nicht|nie|noch nicht) (?:zurück|erhalten)"))),
            Map.entry(WhatWentWrong.RUDE_STAFF, Phrases.of(
                    List.of("rude", "impolite", "unfriendly", "hung up", "shouted at"),
                    List.of("unfreundlich\\w*", "unhöflich\\w*", "aufgelegt", "angeschrien", "pampig"))),
            Map.entry(WhatWentWrong.NO_CALL_BACK, Phrases.of(
                    List.of("(?:nobody|no one|never) (?:called|rang|phoned|got) back", "no call ?back",
                            "promised (?:to call|a call)"),
                    List.of("(?:niemand|keiner) hat (?:\\S+ )?zurückgerufen", "kein(?:en)? rückruf", "nie zurückgerufen"))),
            Map.entry(WhatWentWrong.KEPT_WAITING, Phrases.of(
                    List.of("on hold", "waited (?:for )?(?:hours|all day|\\d+ (?:hours|minutes))", "kept waiting"),
                    List.of("warteschleife", "stundenlang gewartet", "den ganzen tag gewartet"))),
            Map.entry(WhatWentWrong.CANNOT_LOG_IN, Phrases.of(
                    List.of("(?:can't|cannot|unable to|could(?:n't| not)) log ?in", "locked out"),
                    List.of("kann mich nicht (?:mehr )?(?:anmelden|einloggen)", "konto (?:ist )?gesperrt")))));

    /**
     * Read in the order of {@link CustomerAsk}, each ask's words then blanked: "my delivery fee back"
     * is that ask, not a refund of something else too.
     */
    private static final Map<CustomerAsk, Phrases> ASKS = new EnumMap<>(Map.ofEntries(
            Map.entry(CustomerAsk.DELIVERY_FEE_BACK, Phrases.of(
                    List.of("(?:(?:a )?refund (?:of |for )?)?(?:my |the |our )?(?:delivery|shipping|postage|postal) "
                            + "(?:fee|cost|charge)s?(?: back| refunded| returned)?"),
                    List.of("(?:(?:rück)?erstattung (?:der |meiner |unserer )?)?(?:liefer|versand)(?:gebühr|kosten)\\w*"
                            + "(?: zurück| erstattet)?", "porto(?:kosten)?(?: zurück)?"))),
            Map.entry(CustomerAsk.FEE_WAIVED, Phrases.of(
                    List.of("waive\\w*", "(?:cancel|remove|drop|take off) the (?:\\S+ )?(?:fee|charge)"),
                    List.of("(?:gebühr|kosten) (?:\\S+ )?(?:erlassen|streichen|stornieren)", "erlass\\w*"))),
            Map.entry(CustomerAsk.REFUND, Phrases.of(
                    List.of("refund\\w*", "money back", "reimburs\\w*", "pay (?:me )?back", "repay\\w*"),
                    List.of("(?:rück)?erstatt\\w*", "geld zurück", "zurückzahl\\w*", "rückzahlung"))),
            Map.entry(CustomerAsk.ACCOUNT_CREDIT, Phrases.of(
                    List.of("(?:account |store )?credit", "voucher", "gift card"),
                    List.of("gutschrift", "gutschein", "guthaben"))),
            Map.entry(CustomerAsk.REPLACEMENT, Phrases.of(
                    List.of("replace\\w*", "a new one", "new (?:item|unit|one)", "exchange\\w*"),
                    List.of("ersatz\\w*", "austausch\\w*", "umtausch\\w*", "(?:ein|eine|einen) neue[sn]?"))),
            Map.entry(CustomerAsk.REPAIR, Phrases.of(
                    List.of("repair\\w*", "fix (?:it|the \\S+)"),
                    List.of("reparat\\w*", "reparier\\w*"))),
            Map.entry(CustomerAsk.REDELIVERY, Phrases.of(
                    List.of("(?:deliver|send) (?:it |them )?again", "re-?deliver\\w*", "resend"),
                    List.of("neue zustellung", "erneut (?:zustellen|liefern|senden|schicken)",
                            "nochmal (?:liefern|schicken|senden|zustellen)"))),
            Map.entry(CustomerAsk.COMPENSATION, Phrases.of(
                    List.of("compensat\\w*", "goodwill", "a gesture"),
                    List.of("entschädig\\w*", "kulanz\\w*", "schadenersatz"))),
            Map.entry(CustomerAsk.APOLOGY, Phrases.of(
                    List.of("apolog\\w*", "say sorry", "an? sorry"),
                    List.of("entschuldig\\w*"))),
            Map.entry(CustomerAsk.EXPLANATION, Phrases.of(
                    List.of("explanation", "explain\\w*", "know (?:why|what happened)", "understand why"),
                    List.of("erklärung", "erklären", "wissen,? (?:warum|wieso|was)"))),
            Map.entry(CustomerAsk.CALL_BACK, Phrases.of(
                    List.of("call (?:me )?back", "callback", "phone me", "ring me",
                            "speak to (?:someone|a person|a manager|a human)"),
                    List.of("rückruf", "ruf\\w* (?:mich )?(?:bitte )?zurück", "zurückrufen", "anrufen"))),
            Map.entry(CustomerAsk.CANCELLATION, Phrases.of(
                    List.of("cancel\\w*", "close my account", "end (?:my|the) (?:contract|subscription)"),
                    List.of("storn\\w*", "kündig\\w*", "vom vertrag zurück")))));

    /** Words a summary may have that say nothing about this complaint ("Customer complaint", "Ticket 4711"). */
    private static final Set<String> GENERIC = Set.of("complaint", "complaints", "issue", "issues", "problem",
            "problems", "case", "ticket", "inquiry", "enquiry", "query", "request", "feedback", "matter", "concern",
            "contact", "message", "other", "misc", "miscellaneous", "general", "unknown", "none", "na", "customer",
            "client", "new", "re", "fw", "fwd", "from", "via", "by", "about", "regarding", "a", "an", "the", "email",
            "e", "mail", "phone", "call", "chat", "web", "form", "no", "number", "nr", "beschwerde",
            "kundenbeschwerde", "reklamation", "anfrage", "anliegen", "fall", "vorgang", "nachricht", "kontakt",
            "sonstiges", "allgemein", "allgemeine", "kunde", "kundin", "neue", "neuer", "aw", "wg", "betreff",
            "von", "per", "zu", "eine", "ein", "die", "der", "das", "anruf", "telefon", "formular", "kundenanfrage");

    private SpecificsRules() {
    }

    /**
     * @param desiredOutcome what the customer said they want; when the CRM did not pass it on, the
     *        story is read for it instead
     */
    public static Specifics of(ComplaintCategory category, String summary, String story, String desiredOutcome,
            String orderReference) {
        List<WhatWentWrong> wentWrong = new ArrayList<>();
        String told = summary + "\n" + story;
        WENT_WRONG.forEach((what, phrases) -> phrases.find(told).ifPresent(found -> wentWrong.add(what)));
        if (wentWrong.contains(WhatWentWrong.DAMAGED)) {
            // "It arrived broken" is damage in transit, not a fault of the product.
            wentWrong.remove(WhatWentWrong.FAULTY);
        }
        String wanted = desiredOutcome == null || desiredOutcome.isBlank() ? Phrases.plain(story)
                : Phrases.plain(desiredOutcome);
        List<CustomerAsk> asked = new ArrayList<>();
        for (Map.Entry<CustomerAsk, Phrases> ask : ASKS.entrySet()) {
            Optional<Phrases.Found> found = ask.getValue().find(wanted);
            if (found.isPresent()) {
                asked.add(ask.getKey());
                // The words of one ask are not read again as another's ("refund of my delivery fee").
                wanted = wanted.substring(0, found.get().start()) + " ".repeat(found.get().words().length())
                        + wanted.substring(found.get().end());
            }
        }
        return new Specifics(category, blankToNull(orderReference), generic(summary), wentWrong, asked);
    }

    /** True when every word of the summary is one any complaint could have. */
    static boolean generic(String summary) {
        String plain = Normalizer.normalize(summary == null ? "" : summary, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
        return plain.isEmpty() || Arrays.stream(plain.split(" ")).allMatch(GENERIC::contains);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
