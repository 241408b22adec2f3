package dev.amends.review.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewLanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Die Lieferung kam zwei Wochen zu spät und niemand hat sich gemeldet.|DE",
        "Ich warte immer noch auf mein Geld, das ist eine Frechheit.|DE",
        "Sehr freundlicher Kundenservice, alles wurde sofort gelöst.|DE",
        "Frau Weber an der Hotline war super und hat mir schnell geholfen.|DE",
        "The parcel came two weeks late and nobody called me back.|EN",
        "Still waiting for my refund, this is a joke.|EN",
        "Sarah in support was brilliant, sorted it in minutes.|EN",
        "Great kettle, but the box was damaged when it arrived.|EN"})
    void theWordsOfAReviewTellItsLanguage(String text, ReviewLanguage expected) {
        assertEquals(expected, ReviewLanguage.of(null, text));
    }

    @ParameterizedTest
    @CsvSource({"de,DE", "de-AT,DE", "DE-ch,DE", "en-GB,EN", "fr,EN", "nl-BE,EN"})
    void aLanguageThePlatformGivesIsBelievedAndOnlyGermanAndEnglishAreWritten(String tag, ReviewLanguage expected) {
        assertEquals(expected, ReviewLanguage.of(tag, "The words say English, the platform says otherwise."));
    }
}
