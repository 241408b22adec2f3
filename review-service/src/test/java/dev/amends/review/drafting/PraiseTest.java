package dev.amends.review.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Good reviews as customers write them, and what each praises. */
class PraiseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sarah in support was brilliant, sorted my refund in minutes.|RECOVERY PEOPLE",
        "The delivery was two days late but the lady on the phone was so kind and helpful.|PEOPLE",
        "Great quality, the jacket fits perfectly.|PRODUCT",
        "Arrived a day early, the courier was lovely.|DELIVERY",
        "Had a billing mix-up but they fixed it straight away and apologised. Top marks.|RECOVERY",
        "Tom was patient and explained everything, thank you Tom!|PEOPLE",
        "Clear invoice and a fair price, easy to pay.|BILLING",
        "Five stars.|",
        "Frau Weber an der Hotline war super freundlich und hat alles schnell gelöst.|PEOPLE RECOVERY",
        "Die Lieferung kam einen Tag früher, der Fahrer war sehr nett.|DELIVERY",
        "Tolle Qualität, das Produkt ist top.|PRODUCT",
        "Die Reklamation wurde schnell und unkompliziert erledigt, die Erstattung kam sofort.|RECOVERY",
        "Der Kundenservice war nicht hilfsbereit, aber die Ware ist klasse.|PRODUCT"})
    void aGoodReviewIsReadForWhatItPraisesNotForItsCategory(String text, String expected) {
        List<Praise> praised = expected == null ? List.of()
                : Arrays.stream(expected.split(" ")).map(Praise::valueOf).toList();
        assertEquals(praised, Praise.in(text), text);
    }
}
