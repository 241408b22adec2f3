package dev.amends.review.drafting;

/** One sentence of a draft, the rule that wrote it, and why that rule applied here. */
public record Sentence(String text, String rule, String because) {
}
