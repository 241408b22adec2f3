package dev.amends.review.caserecord;

import java.util.Locale;

/** Something we did for the customer, or they told us, that a public answer may rest on. */
public enum FactKind {
    /** A message went out to the customer; the detail is its kind (an apology, a confirmation...). */
    REPLIED,
    /** A make-good was written to the ledger; the detail is its kind (refund, credit...). */
    MAKE_GOOD_ISSUED,
    /** The paying system confirmed the make-good reached the customer; the detail is its kind. */
    MAKE_GOOD_SETTLED,
    /** The make-good was above automatic authority and went to a person; the detail is their level. */
    ESCALATED,
    /** The person it went to declined the proposed make-good, with a reason; the detail is their level. */
    ESCALATION_DECLINED,
    /** The customer answered whether it is put right; the detail is FIXED or NOT_FIXED. */
    FEEDBACK;

    /** For a person reading why a draft changed: "refund issued", "customer feedback: not fixed". */
    public String describe(String detail) {
        String what = detail == null ? "" : detail.toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (this) {
            case REPLIED -> what + " sent to the customer";
            case MAKE_GOOD_ISSUED -> what + " issued";
            case MAKE_GOOD_SETTLED -> what + " paid out";
            case ESCALATED -> "escalated to the " + what + " level";
            case ESCALATION_DECLINED -> "make-good declined at the " + what + " level";
            case FEEDBACK -> "the customer answered: " + what;
        };
    }
}
