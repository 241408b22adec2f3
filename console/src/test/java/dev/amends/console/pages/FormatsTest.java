package dev.amends.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void aDeadlineReadsAsTimeLeftOrHowLongItIsOverdue() {
        assertTrue(Formats.due(Instant.now().plus(Duration.ofMinutes(200)).toString()).startsWith("in 3 h"));
        assertEquals("overdue by 2 days", Formats.due(Instant.now().minus(Duration.ofHours(50)).toString()));
        assertTrue(Formats.overdue(Instant.now().minusSeconds(5).toString()));
        assertFalse(Formats.overdue(Instant.now().plusSeconds(60).toString()));
        assertFalse(Formats.overdue(null));
        assertEquals("", Formats.due("not a time"));
    }

    @Test
    void moneyIsWrittenAsTheApiGivesItNeverThroughADouble() {
        assertEquals("0.10 EUR", Formats.money(Map.of("amount", "0.10", "currency", "EUR")));
        assertEquals("409.90 EUR", Formats.given(Map.of("kind", "REFUND", "value",
                Map.of("amount", "409.90", "currency", "EUR"))));
        assertEquals("", Formats.money(null));
        assertEquals("", Formats.given(null));
    }

    @Test
    void enumNamesReadAsWords() {
        assertEquals("customer notified", Formats.words("CUSTOMER_NOTIFIED"));
    }

    @Test
    void aLongListIsPagedTwentyFiveAtATimeAndAPageOutOfRangeShowsTheNearestOne() {
        List<Integer> all = java.util.stream.IntStream.range(0, 60).boxed().toList();
        Paging<Integer> third = Paging.of(all, 3);
        assertEquals(List.of(50, 51, 52, 53, 54, 55, 56, 57, 58, 59), third.items());
        assertEquals(3, third.pages());
        assertFalse(third.hasNext());
        assertTrue(third.hasPrevious());
        assertEquals(3, Paging.of(all, 99).page());
        assertEquals(1, Paging.of(all, -4).page());
        assertEquals(1, Paging.of(List.of(), null).pages());
    }
}
