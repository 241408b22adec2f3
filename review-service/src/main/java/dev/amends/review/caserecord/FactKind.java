package dev.amends.review.caserecord;

/** Something we did for the customer that a public answer may state, if the reviewer says otherwise. */
public enum FactKind {
    /** A message went out to the customer; the detail is its kind (an apology, a confirmation...). */
    REPLIED,
    /** A make-good was written to the ledger; the detail is its kind (refund, credit...). */
    MAKE_GOOD_ISSUED,
    /** The paying system confirmed the make-good reached the customer; the detail is its kind. */
    MAKE_GOOD_SETTLED
}
