package dev.amends.review.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void namesCompareWithoutCaseAccentsPunctuationOrExtraSpaces() {
        assertEquals("zoe obrien", NameKey.of("  Zoë   O'Brien "));
        assertEquals("zoe", NameKey.firstName("Zoë O'Brien"));
        assertEquals("", NameKey.of(null));
    }

    @Test
    void aCustomerIsFittedByReviewsSignedWithTheWholeNameOrTheFirstNameAndInitial() {
        assertEquals(List.of("maria garcia lopez", "maria l"), NameKey.authorsFitting("María García López"));
        assertEquals(List.of("cher"), NameKey.authorsFitting("Cher"));
    }
}
