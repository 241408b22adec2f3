package dev.amends.contract.complaint;

public enum ComplaintCategory {
    BILLING, DELIVERY, PRODUCT, SERVICE, OTHER
}
