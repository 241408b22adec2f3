package dev.amends.platform.problem;

import java.util.List;

/** Thrown by resources and domain code to answer with a specific problem. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final ProblemType type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, ProblemType type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    /** A problem that lists every error found, so the caller can fix them all in one go. */
    public ProblemException(int status, ProblemType type, String title, String detail,
            List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, ProblemType.NOT_FOUND, what + " not found",
                "No " + what.toLowerCase() + " has the id " + id + ".");
    }

    public int status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
