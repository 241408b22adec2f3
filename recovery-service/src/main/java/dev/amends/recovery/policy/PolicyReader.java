package dev.amends.recovery.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a policy document and checks it, or says everything that is wrong with it. YAML is a
 * superset of JSON, so one reader takes both. Unknown keys are errors here, unlike in events: a
 * misspelt {@code over-service-sla} must not silently leave customers on the slow track.
 */
public final class PolicyReader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private PolicyReader() {
    }

    /** The document when it is valid; otherwise a 422 problem listing every error found. */
    public static PolicyDocument read(String source) {
        if (source.indexOf('\u0000') >= 0) {
            throw invalid(List.of(new Problem.FieldError("", "the document contains the NUL character (U+0000)",
                    typeUri())));
        }
        PolicyDocument document;
        try {
            document = MAPPER.readValue(source, PolicyDocument.class);
        } catch (JsonMappingException e) {
            throw invalid(List.of(new Problem.FieldError(path(e), describe(e), typeUri())));
        } catch (JsonProcessingException e) {
            throw invalid(List.of(new Problem.FieldError("", "the document is not well-formed YAML or JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"), typeUri())));
        }
        if (document == null) {
            throw invalid(List.of(new Problem.FieldError("", "the policy document is empty", typeUri())));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        PolicyValidator.validate(document).forEach(finding ->
                errors.add(new Problem.FieldError(finding.path(), finding.message(), typeUri())));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return document;
    }

    /** What is wrong, in the words of a policy's author rather than of the parser's classes. */
    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a key a policy document has (see the shipped policy for every key)";
        }
        Class<?> target = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (target == null) {
            return "cannot be read here";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (target == Duration.class) {
            return "must be an ISO 8601 duration such as PT24H";
        }
        if (target == Period.class) {
            return "must be an ISO 8601 period such as P12M";
        }
        if (target == BigDecimal.class) {
            return "must be an amount such as \"50.00\"";
        }
        if (target == Integer.class || target == int.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be text";
        }
        if (List.class.isAssignableFrom(target)) {
            return "must be a list";
        }
        return "must be a mapping of keys to values";
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(422, ProblemType.POLICY_INVALID, ProblemType.POLICY_INVALID.title(),
                errors.size() + " problem(s) in the policy document; the active policy keeps running.", errors);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeUri() {
        return ProblemType.POLICY_INVALID.uri();
    }
}
