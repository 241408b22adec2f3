package dev.amends.contract.complaint;

/** What went wrong, as the customer's story names it: a closed list, so it can travel and be translated. */
public enum WhatWentWrong {
    LATE, NOT_ARRIVED, DAMAGED, WRONG_ITEM, MISSING_ITEM, FAULTY, CHARGED_TWICE, OVERCHARGED, REFUND_MISSING,
    RUDE_STAFF, NO_CALL_BACK, KEPT_WAITING, CANNOT_LOG_IN
}
