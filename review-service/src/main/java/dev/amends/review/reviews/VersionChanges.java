package dev.amends.review.reviews;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.Arrays;
import java.util.List;

/**
 * What changed from one version of a response to the next, sentence by sentence: an approver
 * reads the sentences that went and came, not two whole texts side by side.
 */
public final class VersionChanges {

    private VersionChanges() {
    }

    /** {@code kind} is added, removed or changed; {@code before} and {@code after} are whole sentences. */
    public record Change(String kind, List<String> before, List<String> after) {
    }

    static List<Change> between(String older, String newer) {
        return DiffUtils.diff(sentences(older), sentences(newer)).getDeltas().stream()
                .map(VersionChanges::change).toList();
    }

    private static Change change(AbstractDelta<String> delta) {
        String kind = switch (delta.getType()) {
            case INSERT -> "added";
            case DELETE -> "removed";
            case CHANGE -> "changed";
            case EQUAL -> "unchanged";
        };
        return new Change(kind, delta.getSource().getLines(), delta.getTarget().getLines());
    }

    /** Sentences end at a full stop, question or exclamation mark before a space, or at a line break. */
    static List<String> sentences(String text) {
        return Arrays.stream(text.split("(?<=[.!?])\\s+|\\n+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
