package dev.amends.review.drafting;

import java.util.List;
import java.util.stream.Collectors;

/** A drafted public response: its sentences in order, each with its rule, and its counterpoints. */
public record Draft(List<Sentence> sentences, List<Counterpoint> counterpoints) {

    public Draft {
        sentences = List.copyOf(sentences);
        counterpoints = List.copyOf(counterpoints);
    }

    /** The greeting and the sign-off stand on lines of their own; the rest is one paragraph. */
    public String text() {
        if (sentences.isEmpty()) {
            return "";
        }
        String body = sentences.subList(1, sentences.size() - 1).stream().map(Sentence::text)
                .collect(Collectors.joining(" "));
        return sentences.get(0).text() + "\n\n" + body + "\n\n" + sentences.get(sentences.size() - 1).text();
    }
}
