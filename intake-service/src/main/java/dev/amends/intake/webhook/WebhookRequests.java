package dev.amends.intake.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookRequests {

    private WebhookRequests() {
    }

    @Schema(description = "Where to deliver which status changes, and the secret the deliveries are signed with.")
    public record Register(
            @Schema(examples = "https://crm.example.com/amends/events") @NotBlank @Size(max = 2000) String url,
            @Schema(description = "Any of complaint.received, complaint.question_asked, complaint.question_answered, "
                    + "complaint.recovery_decided, complaint.make_good_issued, complaint.escalated, "
                    + "complaint.customer_notified.")
            @NotEmpty List<@NotBlank String> eventTypes,
            @Schema(description = "At least 32 characters; deliveries carry Amends-Signature, an HMAC-SHA256 with it.")
            @NotBlank @Size(min = 32, max = 512) String secret) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "must be an absolute http or https URL")
        public boolean isUrlUsable() {
            if (url == null) {
                return true;
            }
            try {
                URI uri = URI.create(url);
                return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "must name only known event types")
        public boolean isEventTypesKnown() {
            return eventTypes == null || WebhookEvent.types().containsAll(eventTypes);
        }
    }
}
