package dev.amends.review.reviews;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * What a person sends to act on a response: what they decided. Who decided is the signed-in
 * caller; the name fields are optional and, when they name someone else, kept only with a reason.
 */
public final class Decisions {

    private Decisions() {
    }

    public record Edit(@NotBlank @Size(max = 4096) String text, @Size(max = 200) String editedBy) {
    }

    /**
     * {@code version} is the version the approver read (the newest when missing); approving one older
     * than the newest also needs {@code olderVersion}, so that it is never done by accident.
     */
    public record Approval(@Size(max = 200) String approvedBy, @Positive Integer version, Boolean olderVersion) {
    }

    public record Rejection(@Size(max = 200) String rejectedBy, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Posted(@Size(max = 200) String postedBy) {
    }

    public record MatchConfirmation(@NotNull UUID complaintId, @Size(max = 200) String confirmedBy) {
    }
}
