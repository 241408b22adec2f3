package dev.amends.contract.recovery;

public enum MakeGoodKind {
    ACCOUNT_CREDIT, REFUND, REPLACEMENT, EXPEDITE, WAIVED_FEE
}
