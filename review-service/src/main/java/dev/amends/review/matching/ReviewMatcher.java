package dev.amends.review.matching;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.names.NameKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Links a review to a customer's complaint where the evidence allows, strongest evidence first: an
 * order reference or e-mail address the platform passed on is a fact; a name that fits within the
 * time window is only a suggestion. Every match says why, in words an approver can check.
 */
public final class ReviewMatcher {

    private static final BigDecimal ORDER_CONFIDENCE = new BigDecimal("0.95");
    private static final BigDecimal EMAIL_CONFIDENCE = new BigDecimal("0.90");
    private static final BigDecimal FULL_NAME_CONFIDENCE = new BigDecimal("0.60");
    private static final BigDecimal INITIAL_CONFIDENCE = new BigDecimal("0.40");
    private static final BigDecimal TOPIC_BONUS = new BigDecimal("0.10");
    /**
     * From this many customers whose names fit, a suggestion is not made: its confidence would be
     * 0.15 or less (0.60 shared four ways), which no approver should act on, and a busy brand's
     * Marias would each be shown someone else's case.
     */
    static final int AMBIGUOUS_FROM = 4;

    private final Duration before;
    private final Duration after;

    public ReviewMatcher(Duration before, Duration after) {
        this.before = before;
        this.after = after;
    }

    public Instant windowStart(PostedReview review) {
        return review.writtenAt().minus(before);
    }

    public Instant windowEnd(PostedReview review) {
        return review.writtenAt().plus(after);
    }

    /** The earliest a review can have been written and still fit a complaint received at {@code received}. */
    public Instant earliestReview(Instant received) {
        return received.minus(after);
    }

    public Instant latestReview(Instant received) {
        return received.plus(before);
    }

    public Match match(PostedReview review, List<CaseSnapshot> candidates) {
        if (review.orderReference() != null) {
            Optional<CaseSnapshot> byOrder = nearest(review, candidates.stream()
                    .filter(c -> review.orderReference().strip().equalsIgnoreCase(c.orderReference())).toList());
            if (byOrder.isPresent()) {
                return new Match(MatchStrength.STRONG, ORDER_CONFIDENCE,
                        "The platform gave the order reference of this complaint.", byOrder.get().customerId(),
                        byOrder.get().complaintId());
            }
        }
        if (review.authorEmail() != null) {
            Optional<CaseSnapshot> byEmail = nearest(review, candidates.stream()
                    .filter(c -> ContactSeal.emailDigest(review.authorEmail()).equals(c.customerEmailDigest()))
                    .toList());
            if (byEmail.isPresent()) {
                return new Match(MatchStrength.STRONG, EMAIL_CONFIDENCE,
                        "The platform gave the reviewer's e-mail address, and it is this customer's; of their "
                                + "complaints this is the nearest in time to the review.",
                        byEmail.get().customerId(), byEmail.get().complaintId());
            }
        }
        return byName(review, candidates);
    }

    /**
     * A suggestion by name and time. A case whose order reference or e-mail differs from the one the
     * platform gave is another customer's, however well the name fits, so it is never suggested.
     */
    private Match byName(PostedReview review, List<CaseSnapshot> candidates) {
        String author = NameKey.of(review.authorName());
        String reviewEmail = ContactSeal.emailDigest(review.authorEmail());
        List<CaseSnapshot> inWindow = candidates.stream().filter(c -> c.receivedAt() != null
                && !c.receivedAt().isBefore(windowStart(review)) && !c.receivedAt().isAfter(windowEnd(review)))
                .filter(c -> review.orderReference() == null || c.orderReference() == null
                        || review.orderReference().strip().equalsIgnoreCase(c.orderReference()))
                .filter(c -> reviewEmail == null || c.customerEmailDigest() == null
                        || reviewEmail.equals(c.customerEmailDigest()))
                .toList();
        List<CaseSnapshot> fullName = inWindow.stream().filter(c -> NameKey.of(c.customerName()).equals(author)).toList();
        List<CaseSnapshot> initial = inWindow.stream().filter(c -> sameFirstNameAndInitial(author, c.customerName()))
                .toList();
        boolean full = !fullName.isEmpty();
        List<CaseSnapshot> named = full ? fullName : initial;
        Optional<CaseSnapshot> suggestion = nearest(review, named);
        if (suggestion.isEmpty()) {
            return Match.none(waiting(review) + "No name in the review fits a complaint filed between "
                    + before.toDays() + " days before and " + after.toDays() + " days after it was written"
                    + (review.orderReference() != null || reviewEmail != null
                            ? " whose order reference and e-mail do not contradict the review's" : "")
                    + "; it is matched again whenever a case record arrives.");
        }
        long customers = named.stream().map(CaseSnapshot::customerId).distinct().count();
        if (customers >= AMBIGUOUS_FROM) {
            return new Match(MatchStrength.AMBIGUOUS, BigDecimal.ZERO.setScale(2), waiting(review) + customers
                    + " customers whose " + (full ? "names are" : "first names and initials fit") + " the reviewer's "
                    + "filed complaints within the window around the review (counting the nearest in time): the "
                    + "name cannot tell which of them, if any, wrote it. "
                    + (review.orderReference() != null || reviewEmail != null
                            ? "It is matched when a case with the order reference or e-mail the platform gave arrives, or by a person."
                            : "Only a person can match it, after checking the case."),
                    null, null);
        }
        BigDecimal confidence = (full ? FULL_NAME_CONFIDENCE : INITIAL_CONFIDENCE)
                .divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_UP);
        StringBuilder reason = new StringBuilder(full
                ? "The reviewer's name is this customer's name"
                : "The reviewer's first name and initial fit this customer's name");
        reason.append(", and the complaint was filed within the window around the review");
        Optional<ComplaintCategory> topic = ReviewTopic.of(review.text());
        if (topic.isPresent() && topic.get() == suggestion.get().category()) {
            confidence = confidence.add(TOPIC_BONUS);
            reason.append("; the review is about ").append(topic.get().name().toLowerCase(Locale.ROOT))
                    .append(", like the complaint");
        }
        if (customers > 1) {
            reason.append("; ").append(customers).append(" customers fit, this is the nearest in time");
        }
        return new Match(MatchStrength.WEAK, confidence, "Weak suggestion (" + confidence + " of 1.00). "
                + waiting(review) + reason.append(". Nothing but the name and the time links them: check the case "
                        + "before relying on it; the draft does not use it.").toString(),
                suggestion.get().customerId(), suggestion.get().complaintId());
    }

    /** Why a review that gave a reference or an e-mail is not matched by it: no record has it yet. */
    private static String waiting(PostedReview review) {
        if (review.orderReference() != null) {
            return "No case record has the order reference the platform gave (yet). ";
        }
        return review.authorEmail() != null ? "No case record has the e-mail address the platform gave (yet). " : "";
    }

    /** Of the candidates, the complaint filed nearest to when the review was written. */
    private static Optional<CaseSnapshot> nearest(PostedReview review, List<CaseSnapshot> candidates) {
        return candidates.stream().min(Comparator.comparing((CaseSnapshot c) -> c.receivedAt() == null
                ? Duration.ofDays(36500) : Duration.between(c.receivedAt(), review.writtenAt()).abs()));
    }

    private static boolean sameFirstNameAndInitial(String author, String customerName) {
        String[] reviewer = author.split(" ");
        String[] customer = NameKey.of(customerName).split(" ");
        return reviewer.length == 2 && customer.length >= 2 && reviewer[1].length() == 1
                && reviewer[0].equals(customer[0]) && customer[customer.length - 1].startsWith(reviewer[1]);
    }
}
