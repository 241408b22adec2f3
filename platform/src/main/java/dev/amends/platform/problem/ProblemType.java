package dev.amends.platform.problem;

/**
 * Every kind of error an Amends API answers with. The type URI of each is stable: clients may
 * switch on it. New kinds are added here, never renamed.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", "The request is not valid"),
    MALFORMED_JSON("malformed-json", "The request body cannot be read"),
    UNKNOWN_CURRENCY("unknown-currency", "The currency is not a known ISO 4217 currency"),
    NEGATIVE_AMOUNT("negative-amount", "An amount is negative"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "The idempotency key was used for another request"),
    CONFLICT("conflict", "The request conflicts with the current state"),
    POLICY_INVALID("policy-invalid", "The policy document is not valid"),
    ABOVE_AUTHORITY("above-authority", "The make-good is above your authority"),
    LINK_INVALID("link-invalid", "The link is not one of ours, or it was altered"),
    LINK_EXPIRED("link-expired", "The link has expired"),
    SIGNATURE_INVALID("signature-invalid", "The request's signature does not match"),
    UNAUTHENTICATED("unauthenticated", "Credentials are missing or not valid"),
    FORBIDDEN("forbidden", "The credentials do not allow this"),
    RATE_LIMITED("rate-limited", "Too many requests"),
    HTTP_ERROR("http-error", "The request cannot be served"),
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", "The service cannot take requests just now"),
    INTERNAL_ERROR("internal-error", "Something went wrong on our side");

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String uri() {
        return "urn:amends:problem:" + slug;
    }

    public String title() {
        return title;
    }

    static ProblemType forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 409 -> CONFLICT;
            default -> status >= 500 ? INTERNAL_ERROR : HTTP_ERROR;
        };
    }
}
