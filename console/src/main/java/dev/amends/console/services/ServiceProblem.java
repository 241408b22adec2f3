package dev.amends.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A refusal or failure a service answered (its problem+json), in words a person can act on, with
 * the field each complaint is about. The page shows it next to the form that caused it.
 */
public record ServiceProblem(String service, int status, String title, String detail, List<String> errors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown by {@link #call}: what the service said. */
    public static final class Refused extends RuntimeException {
        private final transient ServiceProblem problem;

        Refused(ServiceProblem problem) {
            super(problem.words());
            this.problem = problem;
        }

        public ServiceProblem problem() {
            return problem;
        }
    }

    /** Calls a service; a refusal or an unreachable service becomes a {@link Refused}. */
    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw new Refused(of(service, e));
        } catch (ProcessingException e) {
            throw new Refused(new ServiceProblem(service, 503, service + " did not answer",
                    "It may be down or restarting; the operations page shows its readiness. Try again in a moment.",
                    List.of()));
        }
    }

    static ServiceProblem of(String service, WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = switch (status) {
            case 401 -> "Your sign-in has expired";
            case 403 -> "Not allowed for your role";
            case 404 -> "Not found";
            case 409 -> "It changed in the meantime";
            default -> "Refused";
        };
        String detail = null;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            if (body.hasNonNull("title")) {
                title = body.get("title").asText();
            }
            if (body.hasNonNull("detail")) {
                detail = body.get("detail").asText();
            }
            // The platform's problem+json lists each invalid field as {field, message, type}.
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText("");
                errors.add((field.isEmpty() ? "" : field + ": ") + error.path("message").asText(""));
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            detail = service + " answered " + status + " without a readable explanation.";
        }
        return new ServiceProblem(service, status, title, detail, errors);
    }

    public String words() {
        return title + (detail == null ? "" : ": " + detail);
    }
}
