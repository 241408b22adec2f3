package dev.amends.platform.problem;

/** Thrown by resources and domain code to answer with a specific problem. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final ProblemType type;
    private final String title;

    public ProblemException(int status, ProblemType type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
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
}
