package dev.amends.devkit;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;

/**
 * Signs a test class's REST Assured requests in, with a real token the service verifies. A request
 * that brings credentials of its own ({@link #bearer}, an API key) keeps them.
 */
public final class SignedIn implements Filter {

    /** The tenant tests file their complaints under unless they are about tenancy. */
    public static final String TENANT = "acme";
    public static final String[] EVERY_ROLE = Tokens.EVERY_ROLE;

    private final java.util.function.Supplier<String> sign;
    private String issuer;
    private String authorization;

    /**
     * Signed at the first request, and again should the issuer the test JVM's services trust change
     * after the test signed in (the system tests learn theirs when their identity provider starts).
     */
    private SignedIn(java.util.function.Supplier<String> sign) {
        this.sign = sign;
    }

    private synchronized String authorization() {
        String current = Tokens.test().issuer();
        if (authorization == null || !current.equals(issuer)) {
            issuer = current;
            authorization = sign.get();
        }
        return authorization;
    }

    /** Every later request: a member of {@link #TENANT}'s staff holding every role. */
    public static void asStaff() {
        as(TENANT, EVERY_ROLE);
    }

    /** Every later request: someone of {@code tenant} holding {@code roles}. */
    public static void as(String tenant, String... roles) {
        out();
        RestAssured.filters(new SignedIn(() -> bearer(tenant, roles)));
    }

    /** Every later request: {@code person} of {@code tenant}, signed in under their own name, holding {@code roles}. */
    public static void asPerson(String tenant, String person, String... roles) {
        out();
        RestAssured.filters(new SignedIn(() -> Tokens.test().bearer(tenant, person, roles)));
    }

    /** Every later request: no credentials at all. */
    public static void out() {
        List<Filter> others = RestAssured.filters().stream().filter(f -> !(f instanceof SignedIn)).toList();
        RestAssured.replaceFiltersWith(others);
    }

    /** An {@code Authorization} header value for a member of {@code tenant}'s staff holding every role. */
    public static String staffOf(String tenant) {
        return bearer(tenant, EVERY_ROLE);
    }

    /** An {@code Authorization} header value for someone of {@code tenant} holding {@code roles}. */
    public static String bearer(String tenant, String... roles) {
        return Tokens.test().bearer(tenant, "test-" + String.join("+", roles), roles);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")
                && !request.getHeaders().hasHeaderWithName("X-Api-Key")) {
            request.header("Authorization", authorization());
        }
        return context.next(request, response);
    }
}
