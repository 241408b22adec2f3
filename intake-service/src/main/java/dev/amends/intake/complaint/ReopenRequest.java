package dev.amends.intake.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why the complaint is not resolved, in the words given, and who says so.")
public record ReopenRequest(
        @Schema(examples = "The credit never showed up on my account.") @NotBlank @Size(max = 5000) String reason,
        @Schema(description = "customer, or the agent or CRM user relaying it.", examples = "customer")
        @NotBlank @Size(max = 200) String requestedBy) {
}
