package dev.amends.platform.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.amends.platform.problem.ReadableFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount exactly as a person writes one, as a JSON string or number: digits with an optional
 * decimal point. {@code 1e3} or {@code +5.00} parse as numbers too, but no CRM means to send them.
 */
public class PlainAmount extends StdScalarDeserializer<BigDecimal> {

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public PlainAmount() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        String text = parser.getText();
        if (!PLAIN.matcher(text).matches()) {
            throw new ReadableFormatException(parser, "must be written as digits with an optional decimal point, "
                    + "such as 49.90", text, BigDecimal.class);
        }
        return new BigDecimal(text);
    }
}
