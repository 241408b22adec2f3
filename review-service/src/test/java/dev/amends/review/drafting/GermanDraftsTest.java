package dev.amends.review.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.caserecord.FactKind;
import dev.amends.review.language.ReviewLanguage;
import dev.amends.review.matching.Match;
import dev.amends.review.matching.MatchStrength;
import dev.amends.review.matching.PostedReview;
import dev.amends.review.publictext.PublicCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** German reviews get German drafts, checked by the public rules in German. */
class GermanDraftsTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-04T09:00:00Z");
    private static final Instant WRITTEN = Instant.parse("2026-03-20T18:30:00Z");
    private final ResponseWriter writer = new ResponseWriter("Maya, Kundenservice bei Herd & Heim",
            URI.create("https://herd.example/hilfe"), ZoneId.of("Europe/Berlin"));

    private static CaseSnapshot.Fact fact(FactKind kind, Enum<?> detail, String at) {
        return new CaseSnapshot.Fact(UUID.randomUUID(), kind, detail.name(), Instant.parse(at), "test record");
    }

    private static CaseSnapshot record(Fault fault, CaseSnapshot.Fact... facts) {
        return new CaseSnapshot(UUID.randomUUID(), "C-7", "Jana Keller", null, "HH-77120", ComplaintCategory.DELIVERY,
                fault, RECEIVED, List.of(facts));
    }

    private Draft draft(int rating, String text, CaseSnapshot record) {
        PostedReview review = new PostedReview("GOOGLE", rating, "Jana K.", text, WRITTEN, "HH-77120", null);
        Match match = new Match(MatchStrength.STRONG, new BigDecimal("0.95"), "Bestellnummer", "C-7",
                record.complaintId());
        Draft draft = writer.write(review, match, Optional.of(record));
        assertEquals(List.of(), PublicCheck.check(draft.text(), new PublicCheck.Context(text, "Jana K.",
                record.fault(), List.of("Jana Keller", "HH-77120"))), draft.text());
        return draft;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Die Lieferung kam zwei Wochen zu spät, niemand hat sich gemeldet und mein Geld habe ich nie zurückbekommen.",
        "Paket kam nicht an. Keine Antwort auf meine Mails, keine Rückerstattung. Nie wieder!",
        "Ich warte immer noch auf meine Erstattung und keiner hat geantwortet. Eine Frechheit."})
    void aGermanComplaintIsAnsweredInGermanWithItsCounterpointsAndGermanDates(String text) {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.REPLIED, MessageKind.APOLOGY, "2026-03-04T09:05:00Z"),
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-04T09:04:00Z"));
        Draft draft = draft(1, text, record);
        assertTrue(draft.text().startsWith("Hallo Jana,\n\n"), draft.text());
        assertTrue(draft.text().contains("Unsere Unterlagen zeigen, dass"), draft.text());
        assertTrue(draft.text().contains("4. März 2026"), draft.text());
        assertTrue(draft.text().contains("Der Fehler lag hier bei uns."), draft.text());
        assertEquals(List.of(Claim.NO_REFUND, Claim.NO_REPLY), draft.counterpoints().stream().map(Counterpoint::claim)
                .toList(), draft.text());
        for (String english : List.of("Our records", "Thank you", "We are", "since you wrote")) {
            assertFalse(draft.text().contains(english), draft.text());
        }
    }

    @Test
    void aRefundIssuedSinceTheGermanReviewIsSaidAsSuch() {
        Draft draft = draft(2, "Ich warte immer noch auf meine Erstattung.",
                record(Fault.COMPANY, fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-21T08:00:00Z")));
        assertTrue(draft.text().contains("Seit Sie das geschrieben haben, haben wir eine Erstattung veranlasst."),
                draft.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Frau Weber an der Hotline war super freundlich und hat alles schnell gelöst.",
        "Sehr nette Mitarbeiterin, hat mir geduldig geholfen. Danke!"})
    void aGermanReviewPraisingThePeopleIsThankedForThemInGerman(String text) {
        Draft draft = draft(5, text, record(Fault.COMPANY));
        assertTrue(draft.text().contains(
                "Vielen Dank für Ihre freundlichen Worte über die Person aus unserem Team, die Ihnen geholfen hat"),
                draft.text());
        assertTrue(draft.text().contains("Wir haben Ihre Worte an sie weitergegeben."), draft.text());
    }

    @Test
    void thePlatformsLanguageTagDecidesOverTheWords() {
        PostedReview review = new PostedReview("GOOGLE", 1, "Jana K.", "Super.", WRITTEN, null, null,
                ReviewLanguage.DE);
        assertTrue(writer.write(review, Match.none("nichts"), Optional.empty()).text()
                .contains("Bitte melden Sie sich über https://herd.example/hilfe"));
    }

    /** A key missing in German would fail a German draft at run time; every English key has its German. */
    @Test
    void everySentenceHasItsGermanAndTheGermanHasNoOtherKeys() throws IOException {
        Properties english = load("/drafting/sentences.properties");
        Properties german = load("/drafting/sentences_de.properties");
        assertEquals(english.stringPropertyNames(), german.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GermanDraftsTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
