package dev.amends.platform.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.amends.contract.Money;
import dev.amends.platform.problem.ProblemPayload;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Currency;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount as clients send it, validated into {@link Money}: exact, known currency, not negative. */
@Schema(description = "An exact amount; send the amount as a string (\"49.90\") or a JSON number.")
public record MoneyRequest(
        @Schema(type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]+)?$", examples = "49.90")
        @JsonDeserialize(using = PlainAmount.class)
        @NotNull
        @DecimalMin(value = "0", message = "must not be negative", payload = ProblemPayload.NegativeAmount.class)
        @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @Schema(description = "ISO 4217 code.", examples = "EUR") @NotNull @KnownCurrency String currency) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "has more decimal places than the currency has")
    public boolean isExact() {
        if (amount == null || currency == null || amount.signum() < 0) {
            return true;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 || amount.stripTrailingZeros().scale() <= digits;
        } catch (IllegalArgumentException unknownCurrency) {
            return true;
        }
    }

    public Money toMoney() {
        return new Money(amount, currency);
    }
}
