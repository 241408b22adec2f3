package dev.amends.notification.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
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

    /** A sample case: the letter and the fault its apology was chosen for. */
    record Case(String name, Fault fault, Letter letter) {
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
                        MessageWriter.Written written = sms ? writer.sms(kind, language, sample.letter())
                                : writer.email(kind, language, sample.letter(), "https://amends.example/u/token");
                        rendered++;
                        String text = written.subject() + "\n" + written.text();
                        String where = language + "/" + kind + (sms ? " (SMS)" : "") + " for " + sample.name();
                        ToneCheck.check(text, sample.fault())
                                .forEach(finding -> failures.add(where + ": " + finding.explain()));
                        if (!text.contains("Grace") || !text.contains(sample.letter().summary())) {
                            failures.add(where + ": does not name the customer and their own words\n" + text);
                        }
                        if (text.contains("{") || text.contains("null")) {
                            failures.add(where + ": an expression did not render\n" + text);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
        assertEquals(Words.LANGUAGES.size() * 4 * MessageKind.values().length * 2, rendered);
    }

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
        MessageWriter.Written written = writer.sms(MessageKind.APOLOGY, words.language(), letter);

        assertTrue(written.text().startsWith("Hallo Grete,"), written.text());
        // German amounts keep the currency sign on the same line: a no-break space.
        assertTrue(written.text().contains("eine Rückerstattung von 40,00\u00a0€"), written.text());
        assertTrue(written.text().contains("spätestens am Dienstag, 24. November"), written.text());
        assertTrue(written.text().endsWith("Antworten Sie STOP, um keine Nachrichten mehr zu erhalten."));
        assertFalse(written.text().contains("Gutschrift"));
    }

    private static List<Case> cases(Words words) {
        String summary = "the fridge came two weeks late";
        String made = words.makeGood(List.of(credit(), new MakeGood(MakeGoodKind.EXPEDITE, null, "expedite")));
        return List.of(
                new Case("company at fault, first round", Fault.COMPANY, base(summary, words, made).regret(true)
                        .responsibility(true).repentance(true).forgiveness(true).build()),
                new Case("customer at fault", Fault.CUSTOMER, base(summary, words, made).regret(true).build()),
                new Case("reopened, shared fault", Fault.SHARED, base(summary, words, made).reopened(true).regret(true)
                        .repentance(true).build()),
                new Case("nothing given, late, moved up", Fault.UNKNOWN, Letter.to("Grace", summary)
                        .answerBy(words.dateTime(DUE)).missedDate(words.dateTime(DUE.minusSeconds(86400)))
                        .movedUp(true).late(true).reason("The order was cancelled before it shipped.")
                        .makeGood(made).settledReference("RF-2231")
                        .fixedLink("https://amends.example/yes").notFixedLink("https://amends.example/no").build()));
    }

    private static Letter.Builder base(String summary, Words words, String made) {
        return Letter.to("Grace", summary).makeGood(made).settleBy(words.day(DUE)).proposed(made)
                .answerBy(words.dateTime(DUE)).missedDate(words.dateTime(DUE.minusSeconds(86400)))
                .reason("The courier missed the slot you chose.").fixedLink("https://amends.example/yes")
                .notFixedLink("https://amends.example/no");
    }

    private static MakeGood credit() {
        return new MakeGood(MakeGoodKind.ACCOUNT_CREDIT, Money.of("25", "GBP"), "credit");
    }
}
