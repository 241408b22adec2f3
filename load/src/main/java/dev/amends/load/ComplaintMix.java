package dev.amends.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Complaints as a small online shop gets them: mostly delivery and product trouble, most within
 * the automatic authority (50 EUR in the default policy), some for a supervisor or a manager, one
 * in five from a customer who complained before, and a few followed by a review. Seeded, so two
 * runs offer the same load.
 */
final class ComplaintMix {

    /** One complaint to file, and whether its customer posts a review once they hear back. */
    record Complaint(String customerId, String customerName, String orderReference, String category,
            BigDecimal amount, boolean reviewAfterwards, String json) {
    }

    private static final String[][] STORIES = {
            {"DELIVERY", "Parcel two weeks late", "I waited at home two days for the parcel and nobody came."},
            {"DELIVERY", "Delivered to the wrong address", "The tracking says delivered but it is not here."},
            {"PRODUCT", "Kettle stopped working", "The kettle stopped working after a week of normal use."},
            {"PRODUCT", "Sofa arrived damaged", "One leg of the sofa was broken when we unpacked it."},
            {"BILLING", "Charged twice", "My card was charged twice for one order."},
            {"SERVICE", "No answer from support", "I wrote three times and nobody replied to me."},
            {"OTHER", "Voucher not accepted", "The voucher from your newsletter was refused at checkout."}};
    private static final double[] STORY_WEIGHTS = {0.25, 0.10, 0.20, 0.10, 0.15, 0.12, 0.08};
    private static final String[] FAULTS = {"COMPANY", "COMPANY", "UNKNOWN", "SHARED", "CUSTOMER"};

    /** The names a soak's customers share, as a brand's reviewers do: a short list of common ones. */
    private static final String[] FIRST_NAMES = {"Maria", "John", "Anna", "David", "Laura", "Peter", "Sofia", "Ahmed"};
    private static final String[] LAST_NAMES = {"Garcia", "Smith", "Müller", "Jones", "Rossi", "Khan"};

    private final Random random;
    private final double reviewShare;
    private final boolean commonNames;
    private final String timeZone;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String[]> customers = new ArrayList<>();

    ComplaintMix(long seed, double reviewShare) {
        this(seed, reviewShare, false, "Europe/Berlin");
    }

    /**
     * {@code commonNames}: customers named from a short list of common first and last names, so
     * that many share one; {@code timeZone}: where the customers live (their messages wait for
     * their daytime).
     */
    ComplaintMix(long seed, double reviewShare, boolean commonNames, String timeZone) {
        this.random = new Random(seed);
        this.reviewShare = reviewShare;
        this.commonNames = commonNames;
        this.timeZone = timeZone;
    }

    double reviewShare() {
        return reviewShare;
    }

    Complaint next() {
        String[] customer;
        if (!customers.isEmpty() && random.nextDouble() < 0.2) {
            customer = customers.get(random.nextInt(customers.size()));
        } else {
            String id = UUID.randomUUID().toString().substring(0, 12);
            customer = new String[] {"LOAD-" + id, commonNames
                    ? FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)]
                    : "Load Customer " + id.substring(0, 4).toUpperCase()};
            customers.add(customer);
        }
        String[] story = STORIES[pick(STORY_WEIGHTS)];
        String order = "LD-" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
        BigDecimal amount = amount();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("id", customer[0], "name", customer[1],
                "email", customer[0].toLowerCase() + "@load.example", "timeZone", timeZone));
        body.put("receivedVia", random.nextBoolean() ? "EMAIL" : "PHONE");
        body.put("category", story[0]);
        body.put("summary", story[1]);
        body.put("story", story[2]);
        body.put("desiredOutcome", "Put it right, please");
        body.put("orderReference", order);
        body.put("fault", FAULTS[random.nextInt(FAULTS.length)]);
        body.put("amountAtStake", Map.of("amount", amount.toPlainString(), "currency", "EUR"));
        try {
            return new Complaint(customer[0], customer[1], order, story[0], amount,
                    random.nextDouble() < reviewShare, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 70 % within the automatic authority, 20 % for a supervisor, 10 % for a manager. */
    private BigDecimal amount() {
        double share = random.nextDouble();
        double euros = share < 0.7 ? 5 + random.nextDouble() * 44 : share < 0.9 ? 50 + random.nextDouble() * 250
                : 300 + random.nextDouble() * 600;
        return BigDecimal.valueOf(euros).setScale(2, RoundingMode.HALF_UP);
    }

    private int pick(double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
