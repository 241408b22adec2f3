package dev.amends.intake.complaint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.amends.contract.Money;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An exact amount; send the amount as a string (\"49.90\") or a JSON number.")
public record MoneyRequest(
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "49.90")
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @Schema(description = "ISO 4217 code.", examples = "EUR")
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "must be a known ISO 4217 currency, with no more decimal places than it has")
    public boolean isExact() {
        if (amount == null || currency == null) {
            return true;
        }
        try {
            toMoney();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Money toMoney() {
        return new Money(amount, currency);
    }
}
