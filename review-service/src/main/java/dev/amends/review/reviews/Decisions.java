package dev.amends.review.reviews;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What a person sends to act on a response: who they are, and what they decided. */
public final class Decisions {

    private Decisions() {
    }

    public record Edit(@NotBlank @Size(max = 4096) String text, @NotBlank @Size(max = 200) String editedBy) {
    }

    public record Approval(@NotBlank @Size(max = 200) String approvedBy) {
    }

    public record Rejection(@NotBlank @Size(max = 200) String rejectedBy, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Posted(@NotBlank @Size(max = 200) String postedBy) {
    }

    public record MatchConfirmation(@NotNull UUID complaintId, @NotBlank @Size(max = 200) String confirmedBy) {
    }
}
