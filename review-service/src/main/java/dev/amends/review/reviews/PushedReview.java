package dev.amends.review.reviews;

import dev.amends.platform.validation.MailboxAddress;
import dev.amends.platform.validation.PlausibleInstant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A review as a platform connector or webhook pushes it; a repeat with the same id updates it. */
@Schema(description = "A review from an outside platform.")
public record PushedReview(
        @NotNull Platform platform,
        @Schema(description = "The platform's own id of the review (for Google the review's resource name, "
                + "accounts/{a}/locations/{l}/reviews/{r}).")
        @NotBlank @Size(max = 500) String platformReviewId,
        @NotNull @Min(1) @Max(5) Integer rating,
        @Schema(description = "The name the platform shows.") @NotBlank @Size(max = 200) String authorName,
        @Schema(description = "What the reviewer wrote; may be empty for a rating alone.") @Size(max = 10000) String text,
        @NotNull @PlausibleInstant Instant writtenAt,
        @Schema(description = "When the author last edited it on the platform; missing means never.")
        @PlausibleInstant Instant updatedAt,
        @Schema(description = "An order reference, where the platform passes one on.") @Size(max = 100) String orderReference,
        @Schema(description = "The reviewer's e-mail address, where the platform passes it on privately; it is "
                + "used to match the review and never shown.") @MailboxAddress @Size(max = 320) String authorEmail,
        @Schema(description = "The language the review is written in (a BCP 47 tag such as de or en-GB), where "
                + "the platform says; otherwise it is read from the text. German reviews are answered in German, "
                + "others in English.")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as de or en-GB")
        String language) {

    String textOrEmpty() {
        return text == null ? "" : text.strip();
    }

    Instant lastEdited() {
        return updatedAt == null ? writtenAt : updatedAt;
    }
}
