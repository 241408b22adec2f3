package dev.amends.recovery.escalation;

import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.platform.validation.MoneyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a supervisor or manager sends to answer an escalation. */
public final class EscalationRequests {

    private EscalationRequests() {
    }

    @Schema(description = "Grant the proposed make-good, or an adjusted one within your level's authority.")
    public record Approve(
            @Schema(description = "Optional. The approval is recorded under the signed-in caller's name; another "
                    + "name typed here is kept only in the note.", examples = "maria.k")
            @Size(max = 200) String approvedBy,
            @Schema(description = "Leave out to grant exactly what the policy proposed.")
            @Valid @Size(min = 1, max = 10) List<@NotNull @Valid Part> makeGoods,
            @Schema(description = "Why, for the record.") @Size(max = 2000) String note) {
    }

    @Schema(description = "One part of an adjusted make-good.")
    public record Part(
            @NotNull MakeGoodKind kind,
            @NotNull @Valid MoneyRequest value,
            @Schema(description = "How the customer reads it.", examples = "a refund of the delivery fee")
            @NotBlank @Size(max = 300) String description) {

        MakeGood toMakeGood() {
            return new MakeGood(kind, value.toMoney(), description);
        }
    }

    @Schema(description = "Decline the proposed make-good; the reason is kept and the customer still hears from us.")
    public record Decline(
            @Schema(description = "Optional. The decline is recorded under the signed-in caller's name; another "
                    + "name typed here is kept only with the reason.", examples = "maria.k")
            @Size(max = 200) String declinedBy,
            @Schema(examples = "The parcel was delivered and signed for; we offered to trace it with the carrier.")
            @NotBlank @Size(max = 2000) String reason) {
    }
}
