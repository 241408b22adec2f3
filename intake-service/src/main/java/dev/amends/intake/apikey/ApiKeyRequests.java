package dev.amends.intake.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to issue or rotate an API key. */
public final class ApiKeyRequests {

    private ApiKeyRequests() {
    }

    public record Issue(
            @Schema(description = "The integration the key is for, as people will recognise it.", example = "zendesk-eu")
            @NotBlank @Size(max = 100) String client,
            @Schema(description = "What the key may do: complaints:write, complaints:read, webhooks:manage.")
            @NotEmpty List<@Pattern(regexp = "complaints:write|complaints:read|webhooks:manage",
                    message = "must be complaints:write, complaints:read or webhooks:manage") String> scopes,
            @Schema(description = "How long the key works (ISO 8601), at most P366D; P90D when not given.",
                    example = "P90D", implementation = String.class)
            Duration validFor) {
    }

    public record Rotate(
            @Schema(description = "How long the old key keeps working beside the new one (ISO 8601), at most P7D; "
                    + "PT1H when not given.", example = "PT24H", implementation = String.class)
            Duration overlap) {
    }
}
