package dev.amends.contract.complaint;

/** How a customer can be reached, and how a complaint came in. */
public enum ContactChannel {
    EMAIL, SMS, PHONE, CHAT, WEB, SOCIAL, STORE
}
