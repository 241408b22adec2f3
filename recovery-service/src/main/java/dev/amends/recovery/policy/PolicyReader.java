package dev.amends.recovery.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.platform.text.StrictStrings;
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
        String unstorable = StrictStrings.unstorable(source);
        if (unstorable != null) {
            throw invalid(List.of(new Problem.FieldError("", "the document " + unstorable, typeUri())));
        }
        PolicyDocument document;
        try {
            JsonNode tree = MAPPER.readTree(source);
            // Names, owners and descriptions end up in stored rationales: each must be storable text
            // (a YAML escape such as "\0" can make one that is not).
            List<Problem.FieldError> texts = new ArrayList<>();
            unstorableTexts(tree, "", texts);
            if (!texts.isEmpty()) {
                throw invalid(texts);
            }
            document = tree == null || tree.isMissingNode() ? null : MAPPER.treeToValue(tree, PolicyDocument.class);
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

    private static void unstorableTexts(JsonNode node, String path, List<Problem.FieldError> errors) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && StrictStrings.unstorable(node.textValue()) != null) {
            errors.add(new Problem.FieldError(path, StrictStrings.unstorable(node.textValue()), typeUri()));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            unstorableTexts(node.get(i), path + "[" + i + "]", errors);
        }
        node.fields().forEachRemaining(field -> {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (StrictStrings.unstorable(field.getKey()) != null) {
                errors.add(new Problem.FieldError(at, "is a key that " + StrictStrings.unstorable(field.getKey()),
                        typeUri()));
            }
            unstorableTexts(field.getValue(), at, errors);
        });
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
