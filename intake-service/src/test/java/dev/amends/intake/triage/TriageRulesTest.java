package dev.amends.intake.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Triage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TriageRulesTest {

    private static Triage assess(String story, Money atStake, long earlier) {
        return TriageRules.assess(ComplaintCategory.DELIVERY, "Fridge delivered late", story, atStake, earlier);
    }

    @Test
    void aCalmFirstComplaintWithAModestAmountIsMediumAndNotOverServed() {
        Triage triage = assess("The fridge came a day after the promised date.", Money.of("80", "EUR"), 0);
        assertEquals(Severity.MEDIUM, triage.severity());
        assertFalse(triage.overService());
    }

    @Test
    void aSmallAmountIsLowAndALargeOneHigh() {
        assertEquals(Severity.LOW, assess("It came a day late.", Money.of("12", "EUR"), 0).severity());
        assertEquals(Severity.HIGH, assess("It came a day late.", Money.of("250", "EUR"), 0).severity());
    }

    @Test
    void aRiskToSafetyIsCriticalWhateverTheAmount() {
        Triage triage = assess("The plug started to smoke and my son burned his hand.", Money.of("5", "EUR"), 0);
        assertEquals(Severity.CRITICAL, triage.severity());
        assertTrue(triage.rationale().stream().anyMatch(line -> line.contains("risk to safety")), triage.rationale().toString());
    }

    @Test
    void talkOfLegalStepsIsHigh() {
        assertEquals(Severity.HIGH, assess("I will take this to the ombudsman.", Money.of("20", "EUR"), 0).severity());
    }

    @Test
    void anAngryCustomerIsOverServedAndTheRationaleSaysWhy() {
        Triage triage = assess("This is UNACCEPTABLE. I WAITED ALL DAY!!!", null, 0);
        assertTrue(triage.overService());
        assertTrue(triage.rationale().stream().anyMatch(line -> line.startsWith("The customer is angry")));
    }

    @Test
    void aRepeatComplainantIsOverServedFromTheirHistoryOrTheirWords() {
        assertTrue(assess("The fridge came late.", null, 2).overService());
        assertTrue(assess("This is the third time an order came late.", null, 0).overService());
    }

    @Test
    void rootCausesComeFromTheCategoryAndTheStory() {
        Triage triage = assess("The courier never called and the tracking page was wrong; I was charged twice.",
                null, 0);
        assertEquals(List.of("carrier", "delivery", "fulfilment-delay", "payment-processing", "staff-responsiveness"),
                triage.rootCauses());
    }

    /** Anger in plain words, as customers write it, in English and German: no capitals, no "!!!". */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "This is outrageous, and I am appalled that nobody has even apologised.|The customer is outraged",
        "Frankly I am disgusted by how this was handled.|The customer is outraged",
        "I have had enough of this, it is simply unacceptable.|The customer is outraged",
        "Das ist eine Unverschämtheit, ich bin fassungslos.|The customer is outraged",
        "Ich bin wirklich empört über diesen Umgang mit Kunden.|The customer is outraged",
        "Mir reicht es, ich habe die Nase gestrichen voll.|The customer is outraged",
        "Your staff are completely incompetent.|The customer writes with contempt for us",
        "What a joke of a company, run by amateurs.|The customer writes with contempt for us",
        "You clearly couldn't care less about your customers.|The customer writes with contempt for us",
        "Was für ein Saftladen, das ist doch ein Witz.|The customer writes with contempt for us",
        "Ihr seid völlig unfähig, das ist lächerlich.|The customer writes with contempt for us",
        "Offenbar ist euch das völlig egal.|The customer writes with contempt for us",
        "Nobody called back although I was promised a call.|The customer feels ignored",
        "This is the third time I write to you about the same order.|The customer feels ignored",
        "I have e-mailed you four times and heard nothing.|The customer feels ignored",
        "I keep chasing and never got a reply.|The customer feels ignored",
        "Niemand hat sich bei mir gemeldet.|The customer feels ignored",
        "Ich schreibe Ihnen zum dritten Mal wegen derselben Sache.|The customer feels ignored",
        "Ich habe schon dreimal angerufen und werde nur vertröstet.|The customer feels ignored",
        "Bis heute keine Rückmeldung von Ihnen.|The customer feels ignored",
        "If this is not sorted I will cancel my account.|The customer threatens to leave",
        "I will take my business elsewhere.|The customer threatens to leave",
        "I am switching to a competitor next month.|The customer threatens to leave",
        "You won't be seeing me again; I won't be ordering from you.|The customer threatens to leave",
        "Ich werde meinen Vertrag kündigen.|The customer threatens to leave",
        "Bei Ihnen bestelle ich nie wieder etwas.|The customer threatens to leave",
        "Dann gehe ich eben zur Konkurrenz.|The customer threatens to leave",
        "I am going to post about this on social media.|The customer threatens to go public",
        "I will warn others on Trustpilot.|The customer threatens to go public",
        "The local newspaper will hear about this.|The customer threatens to go public",
        "Ich werde das öffentlich machen.|The customer threatens to go public",
        "Ich werde eine Bewertung schreiben und alle meine Freunde warnen.|The customer threatens to go public",
        "Das landet in der Zeitung.|The customer threatens to go public",
        "I was in tears on the phone with your agent.|The customer is in distress",
        "I am at my wits' end and cannot sleep over this.|The customer is in distress",
        "We have been without heating for a week with a newborn.|The customer is in distress",
        "The double charge left me overdrawn before rent.|The customer is in distress",
        "Ich bin völlig verzweifelt.|The customer is in distress",
        "Ich bin mit den Nerven am Ende und kann nicht mehr schlafen.|The customer is in distress",
        "Wir sind seit Tagen ohne Heizung.|The customer is in distress",
    })
    void angerDistressAndThreatsInPlainWordsAreHeardAndNamedInTheRationale(String story, String finding) {
        Triage triage = assess(story, Money.of("30", "EUR"), 0);
        assertTrue(triage.overService(), story + " -> " + triage.rationale());
        assertTrue(triage.rationale().stream().anyMatch(line -> line.startsWith(finding + " (\"")
                && line.endsWith("over-serve with a faster follow-up and a more senior owner, never a worse deal.")),
                triage.rationale().toString());
    }

    /** Calm words, and anger that is denied, do not make an over-service case. */
    @ParameterizedTest
    @ValueSource(strings = {
        "The fridge arrived a day after the promised date; could you refund the delivery fee?",
        "I'm not angry, I would just like the missing part sent.",
        "I am not upset at all, the driver was friendly, but the box was dented.",
        "I won't cancel my account over this, but please look into it.",
        "The invoice shows the wrong address. Please correct it.",
        "Der Kühlschrank kam einen Tag zu spät, bitte erstatten Sie die Liefergebühr.",
        "Ich bin nicht verärgert, aber die Rechnung stimmt nicht.",
        "Der Fahrer war freundlich, nur der Karton war eingedrückt.",
        "My order ORD-2026-118 via DHL cost EUR 40 and came late.",
    })
    void calmOrDeniedWordsDoNotMarkACustomerForOverService(String story) {
        Triage triage = assess(story, Money.of("30", "EUR"), 0);
        assertFalse(triage.overService(), story + " -> " + triage.rationale());
    }

    @Test
    void everySignThatFiresHasItsOwnLine() {
        Triage triage = assess("This is outrageous. Nobody called back, I am in tears, and I will cancel my account "
                + "and tell everyone on Facebook.", null, 0);
        assertEquals(5, triage.rationale().stream().filter(line -> line.startsWith("The customer ")).count(),
                triage.rationale().toString());
    }

    @Test
    void overServiceNeverChangesTheSeverityOrTheRootCauses() {
        Triage calm = assess("The fridge came two weeks late.", Money.of("80", "EUR"), 0);
        Triage angry = assess("The fridge came two weeks late. This is outrageous and I am switching to a competitor.",
                Money.of("80", "EUR"), 0);
        assertTrue(angry.overService());
        assertEquals(calm.severity(), angry.severity());
        assertEquals(calm.rootCauses(), angry.rootCauses());
    }

    @Test
    void germanStoriesSayLegalStepsSafetyAndRepeatsToo() {
        assertEquals(Severity.HIGH, assess("Ich schalte meinen Anwalt ein.", Money.of("20", "EUR"), 0).severity());
        assertEquals(Severity.CRITICAL, assess("Das Ladegerät hat gebrannt, mein Sohn hat sich verletzt.",
                Money.of("20", "EUR"), 0).severity());
        assertTrue(assess("Schon wieder kam die Lieferung zu spät.", null, 0).overService());
    }
}
