package dev.amends.notification.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.CustomerAsk;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.complaint.WhatWentWrong;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.notification.NotificationTestResource;
import dev.amends.voice.ToneCheck;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every template, in every language, on both channels, rendered with sample cases and put through
 * the tone check: a template that would make a message fail the check fails the build here.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class TemplatesIT {

    private static final Instant DUE = Instant.parse("2026-11-24T15:00:00Z");

    @Inject
    MessageWriter writer;

    /** A sample case: the letter, the fault its apology was chosen for, and what it must name. */
    record Case(String name, Fault fault, Letter letter, List<String> names, List<String> never) {
    }

    @Test
    void everyTemplateInEveryLanguagePassesTheToneCheckAndNamesTheCustomersCase() {
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        for (String language : Words.LANGUAGES) {
            Words words = Words.of(language, "Europe/Berlin");
            for (Case sample : cases(words)) {
                for (MessageKind kind : MessageKind.values()) {
                    for (boolean sms : List.of(false, true)) {
                        MessageWriter.Written written = sms
                                ? writer.sms(kind, language, sample.letter(), LETTER_LINK)
                                : writer.email(kind, language, sample.letter(), "https://amends.example/u/token");
                        rendered++;
                        String text = written.subject() + "\n" + written.text();
                        String where = language + "/" + kind + (sms ? " (SMS)" : "") + " for " + sample.name();
                        ToneCheck.check(text, sample.fault())
                                .forEach(finding -> failures.add(where + ": " + finding.explain()));
                        failures.addAll(problems(where, text, sms ? List.of() : sample.names(), sample.never()));
                        if (sms && !text.contains(sample.letter().about()) && !text.contains(sample.letter().brief())) {
                            failures.add(where + ": says neither what it is about nor our brief words for it\n" + text);
                        }
                        if (sms && SmsSegments.count(written.text()) > SmsSegments.LIMIT) {
                            failures.add(where + ": " + SmsSegments.count(written.text()) + " segments ("
                                    + written.text().length() + " characters)\n" + written.text());
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failure(s):\n" + String.join("\n\n", failures));
        assertEquals(Words.LANGUAGES.size() * 7 * MessageKind.values().length * 2, rendered);
    }

    /**
     * The longest an SMS of ours can get: a 200-character name outside GSM-7, a summary of 200, a
     * reference of 100 in Cyrillic, every make-good at once and every ask. Each still fits two segments.
     */
    @Test
    void everySmsFitsTwoSegmentsWhateverTheNameSummaryReferenceAndMakeGood() {
        List<String> failures = new ArrayList<>();
        for (String language : Words.LANGUAGES) {
            Words words = Words.of(language, "Europe/Berlin");
            Specifics everything = new Specifics(ComplaintCategory.DELIVERY, "ЗАКАЗ-" + "7".repeat(94), true,
                    List.of(WhatWentWrong.values()), List.of(CustomerAsk.values()));
            String made = words.makeGood(List.of(credit(), new MakeGood(MakeGoodKind.REFUND, Money.of("1234.56", "EUR"),
                    "refund"), new MakeGood(MakeGoodKind.REPLACEMENT, null, "replacement"),
                    new MakeGood(MakeGoodKind.EXPEDITE, null, "expedite"),
                    new MakeGood(MakeGoodKind.WAIVED_FEE, Money.of("4.95", "EUR"), "fee")));
            for (Specifics specifics : List.of(everything, new Specifics(ComplaintCategory.PRODUCT,
                    "ORD-" + "1".repeat(96), false, List.of(), List.of(CustomerAsk.values())))) {
                Letter letter = base(words.letterTo("Łucja" + "ż".repeat(195), "Ü".repeat(199) + "🙁", specifics),
                        words, made).regret(true).responsibility(true).late(true).movedUp(true).build();
                for (MessageKind kind : MessageKind.values()) {
                    String text = writer.sms(kind, language, letter, LETTER_LINK).text();
                    if (SmsSegments.count(text) > SmsSegments.LIMIT) {
                        failures.add(language + "/" + kind + ": " + SmsSegments.count(text) + " segments\n" + text);
                    }
                    if (!text.contains(LETTER_LINK)) {
                        failures.add(language + "/" + kind + ": no link to the whole letter\n" + text);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    @Test
    void aGenericSummaryIsNeverQuotedAndTheMessageNamesTheOrderWhatWentWrongAndWhatTheyAskedFor() {
        Words words = Words.of("en-GB", "Europe/London");
        Specifics specifics = new Specifics(ComplaintCategory.DELIVERY, "ORD-2026-118", true,
                List.of(WhatWentWrong.LATE), List.of(CustomerAsk.DELIVERY_FEE_BACK));
        Letter letter = words.letterTo("Grace", "Customer complaint", specifics)
                .makeGood(words.makeGood(List.of(new MakeGood(MakeGoodKind.ACCOUNT_CREDIT, Money.of("39", "EUR"),
                        "credit")))).regret(true).build();
        String text = writer.email(MessageKind.APOLOGY, "en", letter, "https://amends.example/u/t").text();

        assertFalse(text.contains("Customer complaint"), text);
        assertTrue(text.contains("thank you for telling us about this: the late delivery (order ORD-2026-118)."), text);
        assertTrue(text.contains("You asked for your delivery fee back: we have given you an account credit of €39.00."),
                text);
    }

    @Test
    void aGermanCustomerWithAGenericSummaryReadsTheCategorysOwnWordsAndTheirAskInGerman() {
        Words words = Words.of("de-DE", "Europe/Berlin");
        Specifics specifics = new Specifics(ComplaintCategory.BILLING, "RE-4711", true, List.of(),
                List.of(CustomerAsk.REFUND, CustomerAsk.APOLOGY));
        Letter letter = words.letterTo("Grete", "Kundenbeschwerde", specifics).regret(true)
                .makeGood(words.makeGood(List.of(new MakeGood(MakeGoodKind.REFUND, Money.of("12.50", "EUR"), "r"))))
                .build();
        String text = writer.email(MessageKind.APOLOGY, "de", letter, "https://amends.example/u/t").text();

        assertFalse(text.contains("Kundenbeschwerde"), text);
        assertTrue(text.contains("das Problem mit Ihrer Rechnung, Bestellung RE-4711."), text);
        assertTrue(text.contains("Sie haben um eine Entschuldigung gebeten: Es tut uns leid"), text);
        assertTrue(text.contains("Sie haben um eine Rückerstattung gebeten: Sie erhalten eine Rückerstattung von "
                + "12,50\u00a0€."), text);
    }

    @Test
    void anSmsLinksToTheWholeLetterAndSaysTheEssentialsInGsm7() {
        Words words = Words.of("de-DE", "Europe/Berlin");
        Letter letter = words.letterTo("Grete", "Der Kühlschrank kam zwei Wochen zu spät.", SPECIFICS).regret(true)
                .makeGood(words.makeGood(List.of(new MakeGood(MakeGoodKind.REFUND, Money.of("40", "EUR"), "r"))))
                .settleBy(words.day(DUE)).build();
        MessageWriter.Written sms = writer.sms(MessageKind.APOLOGY, "de", letter, LETTER_LINK);

        assertTrue(SmsSegments.isGsm7(sms.text()), sms.text());
        // The summary would make it three segments: our own words and the order reference say it.
        assertTrue(sms.text().startsWith("Hallo Grete, zu Ihrer Beschwerde (die verspätete Lieferung, Bestellung "
                + "ORD-2026-118): Es tut uns leid. Sie erhalten eine Rückerstattung von 40,00 €. Bis Dienstag, "
                + "24. November ist es da."), sms.text());
        assertTrue(sms.text().contains("Ganzer Brief: " + LETTER_LINK), sms.text());
        MessageWriter.Written whole = writer.letter(MessageKind.APOLOGY, "de", letter);
        assertTrue(whole.html().contains("Das ist bereits erledigt"), whole.html());
    }

    @Test
    void anSmsWithRoomForItAnswersWhatTheCustomerAskedFor() {
        Words words = Words.of("en-GB", "Europe/London");
        Letter letter = words.letterTo("Grace", "the fridge came late.", SPECIFICS).regret(true)
                .makeGood(words.makeGood(List.of(new MakeGood(MakeGoodKind.ACCOUNT_CREDIT, Money.of("39", "EUR"),
                        "c")))).build();
        String text = writer.sms(MessageKind.APOLOGY, "en", letter, LETTER_LINK).text();

        assertEquals("Hello Grace, about the fridge came late (order ORD-2026-118): we are sorry. You asked for your "
                + "delivery fee back: we have given you an account credit of €39.00. Full letter: " + LETTER_LINK
                + "\nReply STOP to opt out.", text);
        assertEquals(2, SmsSegments.count(text));
    }

    @Test
    void segmentsAreCountedAsPhonesAndProvidersCountThem() {
        assertEquals(1, SmsSegments.count("a".repeat(160)));
        assertEquals(2, SmsSegments.count("a".repeat(161)));
        assertEquals(2, SmsSegments.count("a".repeat(306)));
        assertEquals(3, SmsSegments.count("a".repeat(307)));
        // The euro sign is in the extension table: two septets.
        assertEquals(2, SmsSegments.count("€".repeat(81)));
        // One letter outside GSM-7 makes it all UCS-2: 70 in one, 67 in each of several.
        assertEquals(1, SmsSegments.count("ë" + "a".repeat(69)));
        assertEquals(2, SmsSegments.count("ë" + "a".repeat(133)));
        assertEquals(3, SmsSegments.count("ë" + "a".repeat(134)));
        assertEquals("40,00 € - \"so\" ...", SmsSegments.plain("40,00\u00a0€ \u2013 \u201Eso\u201C \u2026"));
    }

    /** What a rendered text must not have: an expression left over, a quoted generic summary, doubled punctuation. */
    private static List<String> problems(String where, String text, List<String> names, List<String> never) {
        List<String> found = new ArrayList<>();
        if (!text.contains("Grace") && !text.contains("Hello,") && !text.contains("Hallo,")) {
            found.add(where + ": does not greet the customer\n" + text);
        }
        for (String name : names) {
            if (!text.contains(name)) {
                found.add(where + ": does not name \"" + name + "\"\n" + text);
            }
        }
        for (String words : never) {
            if (text.contains(words)) {
                found.add(where + ": quotes \"" + words + "\", which says nothing about this complaint\n" + text);
            }
        }
        if (text.contains("{") || text.contains("null")) {
            found.add(where + ": an expression did not render\n" + text);
        }
        Matcher doubled = DOUBLED.matcher(text.replace(LETTER_LINK, "").replaceAll("https?://\\S+", ""));
        if (doubled.find()) {
            found.add(where + ": doubled punctuation \"" + doubled.group() + "\"\n" + text);
        }
        return found;
    }

    private static final Pattern DOUBLED = Pattern.compile("[.!?,;:]\\s?[.!?,;:]|\\s[.,;:]");
    private static final String LETTER_LINK = "https://amends.example/letters/AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    private static final Specifics SPECIFICS = new Specifics(ComplaintCategory.DELIVERY, "ORD-2026-118", false,
            List.of(WhatWentWrong.LATE), List.of(CustomerAsk.DELIVERY_FEE_BACK));

    @Test
    void anEmailHasAnHtmlPartWithTheSameWordsAndLinksAndTheUnsubscribeLine() {
        Words words = Words.of("en-GB", "Europe/London");
        Letter letter = Letter.to("Grace", "the fridge came two weeks late")
                .makeGood(words.makeGood(List.of(credit()))).fixedLink("https://amends.example/api/v1/feedback/yes")
                .notFixedLink("https://amends.example/api/v1/feedback/no").build();
        MessageWriter.Written written = writer.email(MessageKind.FOLLOW_UP, "en", letter, "https://amends.example/u/t");

        assertTrue(written.text().contains("Yes, it is fixed: https://amends.example/api/v1/feedback/yes"));
        assertTrue(written.text().endsWith("To stop e-mails from us: https://amends.example/u/t"), written.text());
        assertTrue(written.html().contains("<a href=\"https://amends.example/api/v1/feedback/yes\">"), written.html());
        assertTrue(written.html().contains("an account credit of £25.00"), written.html());
        assertTrue(written.html().contains("<html lang=\"en\">"));
    }

    @Test
    void aSubjectLeavesOutBidiControlsThatWouldMakeItReadAsSomethingElse() {
        // U+202E turns what follows around on screen: "...late exe.fdp" would read as a PDF.
        Letter letter = Letter.to("Grace", "the fridge came \u202Efdp.exe\u202C two weeks late\u2066\u2069").build();
        MessageWriter.Written written = writer.email(MessageKind.APOLOGY, "en", letter, "https://amends.example/u/t");
        assertEquals("About your complaint: the fridge came fdp.exe two weeks late", written.subject());
        assertFalse(written.html().contains("\u202E"));
        assertEquals("Released by x", MessageWriter.plainSubject("Released\u202D by\r\nx"));
    }

    @Test
    void aGermanCustomerIsWrittenToInGermanWithGermanDatesAndAmounts() {
        Words words = Words.of("de-DE", "Europe/Berlin");
        Letter letter = Letter.to("Grete", "der Kühlschrank kam zwei Wochen zu spät")
                .regret(true).makeGood(words.makeGood(List.of(new MakeGood(MakeGoodKind.REFUND,
                        Money.of("40", "EUR"), "refund"))))
                .settleBy(words.day(DUE)).build();
        MessageWriter.Written written = writer.email(MessageKind.APOLOGY, words.language(), letter,
                "https://amends.example/u/t");

        assertTrue(written.text().startsWith("Hallo Grete,"), written.text());
        // German amounts keep the currency sign on the same line: a no-break space.
        assertTrue(written.text().contains("eine Rückerstattung von 40,00\u00a0€"), written.text());
        assertTrue(written.text().contains("spätestens am Dienstag, 24. November"), written.text());
        assertTrue(written.text().endsWith("Keine E-Mails mehr von uns: https://amends.example/u/t"), written.text());
        assertFalse(written.text().contains("Gutschrift"));
    }

    /** Summaries as CRMs write them: specific or generic, with and without a full stop, and events without specifics. */
    private static List<Case> cases(Words words) {
        String made = words.makeGood(List.of(credit(), new MakeGood(MakeGoodKind.EXPEDITE, null, "expedite")));
        String late = "the fridge came two weeks late";
        Specifics generic = new Specifics(ComplaintCategory.DELIVERY, "ORD-2026-118", true,
                List.of(WhatWentWrong.LATE, WhatWentWrong.DAMAGED), List.of(CustomerAsk.DELIVERY_FEE_BACK,
                        CustomerAsk.APOLOGY));
        Specifics nothingFound = new Specifics(ComplaintCategory.SERVICE, null, true, List.of(), List.of());
        String delivery = words.brief(generic);
        return List.of(
                new Case("company at fault, first round", Fault.COMPANY, base(words.letterTo("Grace", late, SPECIFICS),
                        words, made).regret(true).responsibility(true).repentance(true).forgiveness(true).build(),
                        List.of(late, "ORD-2026-118"), List.of()),
                new Case("customer at fault, summary with a full stop", Fault.CUSTOMER, base(words.letterTo("Grace",
                        "The fridge came two weeks late.", SPECIFICS), words, made).regret(true).build(),
                        List.of("The fridge came two weeks late", "ORD-2026-118"), List.of()),
                new Case("reopened, shared fault, generic summary", Fault.SHARED, base(words.letterTo("Grace",
                        "Customer complaint", generic), words, made).reopened(true).regret(true).repentance(true)
                        .build(), List.of(delivery, "ORD-2026-118"), List.of("Customer complaint")),
                new Case("German CRM's generic summary, nothing found in the story", Fault.UNKNOWN,
                        base(words.letterTo("Grace", "Kundenbeschwerde.", nothingFound), words, made).regret(true)
                                .build(), List.of(words.brief(nothingFound)), List.of("Kundenbeschwerde")),
                new Case("summary that ends in a question mark", Fault.COMPANY, base(words.letterTo("Grace",
                        "Where is my refund?", SPECIFICS), words, made).regret(true).build(),
                        List.of("Where is my refund"), List.of()),
                new Case("an event from before specifics", Fault.UNKNOWN, base(words.letterTo("Grace", late, null),
                        words, made).regret(true).build(), List.of(late), List.of()),
                new Case("nothing given, late, moved up", Fault.UNKNOWN, words.letterTo("Grace", late, SPECIFICS)
                        .answerBy(words.dateTime(DUE)).missedDate(words.dateTime(DUE.minusSeconds(86400)))
                        .movedUp(true).late(true).reason("The order was cancelled before it shipped.")
                        .makeGood(made).settledReference("RF-2231")
                        .fixedLink("https://amends.example/yes").notFixedLink("https://amends.example/no").build(),
                        List.of(late), List.of()));
    }

    private static Letter.Builder base(Letter.Builder letter, Words words, String made) {
        return letter.makeGood(made).settleBy(words.day(DUE)).proposed(made)
                .answerBy(words.dateTime(DUE)).missedDate(words.dateTime(DUE.minusSeconds(86400)))
                .reason("The courier missed the slot you chose.").fixedLink("https://amends.example/yes")
                .notFixedLink("https://amends.example/no");
    }

    private static MakeGood credit() {
        return new MakeGood(MakeGoodKind.ACCOUNT_CREDIT, Money.of("25", "GBP"), "credit");
    }
}
