package dev.amends.console.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeldPhrasesTest {

    private static final String REASON = "Held for a person: \"As stated in our policy\" breaks rule 3 (BLAME): the "
            + "customer is lectured; \"unfortunately\" breaks rule 5 (GRUDGING): giving with a qualifier";

    @Test
    void theHoldReasonNamesEachPhraseTheToneCheckFound() {
        assertEquals(List.of("As stated in our policy", "unfortunately"), HeldPhrases.in(REASON));
        assertEquals(List.of(), HeldPhrases.in("Parked after 5 failed sends"));
    }

    @Test
    void eachPhraseIsMarkedWhereItStandsWhateverItsCase() {
        List<HeldPhrases.Part> parts = HeldPhrases.split("Dear Ada, as stated in our policy the fee stays. "
                + "Unfortunately we cannot.", HeldPhrases.in(REASON));
        assertEquals(List.of(
                new HeldPhrases.Part("Dear Ada, ", false),
                new HeldPhrases.Part("as stated in our policy", true),
                new HeldPhrases.Part(" the fee stays. ", false),
                new HeldPhrases.Part("Unfortunately", true),
                new HeldPhrases.Part(" we cannot.", false)), parts);
    }

    @Test
    void aTextWithoutThePhrasesIsOnePlainPart() {
        assertEquals(List.of(new HeldPhrases.Part("All good.", false)),
                HeldPhrases.split("All good.", List.of("unfortunately")));
        assertEquals(List.of(), HeldPhrases.split("", List.of("unfortunately")));
    }
}
