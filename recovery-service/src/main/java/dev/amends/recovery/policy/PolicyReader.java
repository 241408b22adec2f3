package dev.amends.recovery.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import java.util.ArrayList;
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
        PolicyDocument document;
        try {
            document = MAPPER.readValue(source, PolicyDocument.class);
        } catch (JsonMappingException e) {
            throw invalid(List.of(new Problem.FieldError(path(e), e.getOriginalMessage(), typeUri())));
        } catch (JsonProcessingException e) {
            throw invalid(List.of(new Problem.FieldError("", "not YAML or JSON: " + e.getOriginalMessage(),
                    typeUri())));
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
