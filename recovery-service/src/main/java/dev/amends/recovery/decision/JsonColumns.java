package dev.amends.recovery.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.MakeGood;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * Columns that hold contract records as JSON text: the same shape as on the wire, so a make-good
 * reads the same in the database, the events and the API. The values are records and lists that are
 * replaced, never changed in place, so they are marked immutable: otherwise Hibernate copies each by
 * writing and reading its JSON whenever an entity is persisted or loaded, which under load cost a
 * recovery batch its transaction timeout.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonColumns() {
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value, e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON no longer reads as " + type.getType(), e);
        }
    }

    @Converter
    @Immutable
    public static class MakeGoodList implements AttributeConverter<List<MakeGood>, String> {
        @Override
        public String convertToDatabaseColumn(List<MakeGood> parts) {
            return write(parts == null ? List.of() : parts);
        }

        @Override
        public List<MakeGood> convertToEntityAttribute(String json) {
            return json == null ? List.of() : read(json, new TypeReference<List<MakeGood>>() { });
        }
    }

    @Converter
    @Immutable
    public static class CustomerRecord implements AttributeConverter<Customer, String> {
        @Override
        public String convertToDatabaseColumn(Customer customer) {
            return customer == null ? null : write(customer);
        }

        @Override
        public Customer convertToEntityAttribute(String json) {
            return json == null ? null : read(json, new TypeReference<Customer>() { });
        }
    }
}
