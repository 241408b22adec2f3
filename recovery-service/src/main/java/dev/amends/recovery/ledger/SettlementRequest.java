package dev.amends.recovery.ledger;

import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.platform.validation.PlausibleInstant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The paying system's confirmation that one part of a make-good reached the customer. */
public record SettlementRequest(
        @NotNull MakeGoodKind kind,
        @Schema(description = "The paying system's own reference, which the customer may quote.", examples = "RF-2231")
        @NotBlank @Size(max = 200) String reference,
        @Schema(description = "When it reached the customer; now when left out.") @PlausibleInstant Instant settledAt,
        @Schema(description = "Optional: the settlement is recorded under the signed-in caller's name.",
                examples = "billing") @Size(max = 200) String confirmedBy) {
}
