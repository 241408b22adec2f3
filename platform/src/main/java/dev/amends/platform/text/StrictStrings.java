package dev.amends.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.amends.platform.problem.ReadableFormatException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every text a request body brings is kept exactly as sent, so one that cannot be kept exactly is
 * refused: PostgreSQL stores no U+0000, and an unpaired surrogate has no UTF-8 form (the driver
 * would store {@code ?} in its place). Such a body answers 400 and changes nothing.
 */
@Singleton
public class StrictStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("amends-strict-strings").addDeserializer(String.class, new Strict()));
    }

    /** Why {@code text} cannot be stored exactly, or null when it can. */
    public static String unstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (" + String.format("U+%04X", (int) c) + "), which is "
                        + "not a character";
            }
        }
        return null;
    }

    private static final class Strict extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String why = value == null ? null : unstorable(value);
            if (why != null) {
                throw new ReadableFormatException(parser, why, value, String.class);
            }
            return value;
        }
    }
}
