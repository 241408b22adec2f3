package dev.amends.contract.complaint;

/** What the customer asked for, as their words name it: a closed list, so a message can answer it in their language. */
public enum CustomerAsk {
    DELIVERY_FEE_BACK, REFUND, ACCOUNT_CREDIT, REPLACEMENT, REPAIR, REDELIVERY, FEE_WAIVED, COMPENSATION, APOLOGY,
    EXPLANATION, CALL_BACK, CANCELLATION
}
