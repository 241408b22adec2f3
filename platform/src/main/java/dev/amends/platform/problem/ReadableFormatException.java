package dev.amends.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A value in a request body in the wrong form, with a message written for the client: the problem
 * names the field and says this, where a parser's own message would name its classes.
 */
public class ReadableFormatException extends InvalidFormatException {

    private final String readable;

    public ReadableFormatException(JsonParser parser, String readable, Object value, Class<?> target) {
        super(parser, readable, value, target);
        this.readable = readable;
    }

    public String readable() {
        return readable;
    }
}
