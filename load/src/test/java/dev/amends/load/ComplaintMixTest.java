package dev.amends.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ComplaintMixTest {

    private static final BigDecimal AUTOMATIC = new BigDecimal("50");

    @Test
    void theMixIsMostlyWithinAuthorityWithRepeatCustomersAndSomeReviews() {
        ComplaintMix mix = new ComplaintMix(7, 0.05);
        List<ComplaintMix.Complaint> complaints = IntStream.range(0, 10_000).mapToObj(i -> mix.next()).toList();
        double within = complaints.stream().filter(c -> c.amount().compareTo(AUTOMATIC) < 0).count() / 10_000.0;
        double reviews = complaints.stream().filter(ComplaintMix.Complaint::reviewAfterwards).count() / 10_000.0;
        Set<String> customers = new HashSet<>();
        long repeats = complaints.stream().filter(c -> !customers.add(c.customerId())).count();
        assertEquals(0.70, within, 0.02);
        assertEquals(0.05, reviews, 0.01);
        assertEquals(0.20, repeats / 10_000.0, 0.02);
        assertEquals(4, complaints.stream().map(ComplaintMix.Complaint::category).filter(c -> !c.equals("OTHER"))
                .distinct().count());
    }

    @Test
    void theSameSeedOffersTheSameLoad() {
        ComplaintMix a = new ComplaintMix(1, 0.05);
        ComplaintMix b = new ComplaintMix(1, 0.05);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next().amount(), b.next().amount());
        }
        assertTrue(new ComplaintMix(1, 0).next().json().contains("\"amountAtStake\""));
    }
}
