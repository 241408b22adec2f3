package dev.amends.contract.complaint;

import java.util.List;

/**
 * What intake may tell the other services about a complaint so that what we write refers to this
 * customer's case (DOMAIN.md rule 5), without the story leaving intake (rule 1): the category, the
 * order or account reference, what went wrong and what the customer asked for, each from a closed
 * list found in their words, and whether the CRM's summary says anything of its own ("Customer
 * complaint" does not, so no message quotes it). Free text from the story never travels here.
 */
public record Specifics(
        ComplaintCategory category,
        String orderReference,
        boolean genericSummary,
        List<WhatWentWrong> wentWrong,
        List<CustomerAsk> asked) {

    public Specifics {
        wentWrong = wentWrong == null ? List.of() : List.copyOf(wentWrong);
        asked = asked == null ? List.of() : List.copyOf(asked);
    }
}
