package dev.amends.intake.complaint;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.recovery.Fault;
import dev.amends.platform.validation.MoneyRequest;
import dev.amends.platform.validation.PlausibleInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A complaint as the customer told it.")
public record FileComplaintRequest(
        @NotNull @Valid CustomerRequest customer,
        @Schema(description = "Where the customer raised it.") @NotNull ContactChannel receivedVia,
        @NotNull ComplaintCategory category,
        @Schema(description = "A one-line summary, in the agent's words.", examples = "Fridge delivered two weeks late")
        @NotBlank @Size(max = 200) String summary,
        @Schema(description = "The customer's own story, verbatim: any Unicode, up to "
                + FileComplaintRequest.STORY_LIMIT + " characters. Kept exactly as sent.")
        @NotBlank @Size(max = FileComplaintRequest.STORY_LIMIT) String story,
        @Schema(description = "What the customer says they want.", examples = "My delivery fee back")
        @Size(max = 2000) String desiredOutcome,
        @Schema(examples = "ORD-2026-118") @Size(max = 100) String orderReference,
        @Schema(description = "What is at stake for the customer, if money.") @Valid MoneyRequest amountAtStake,
        @Schema(description = "When it happened to the customer: in the last 20 years, not in the future.")
        @PlausibleInstant Instant occurredAt,
        @Schema(description = "The CRM's own reference for this case.", examples = "ZD-88213")
        @Size(max = 100) String crmReference,
        @Schema(description = "Whose fault it was, if the agent established it: COMPANY, CUSTOMER (they skipped a "
                + "step they were told about), SHARED or UNKNOWN (the default). It decides which parts of the "
                + "apology are honest.") Fault fault) {

    public static final int STORY_LIMIT = 20_000;
}
