package dev.amends.console.staff;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, for the pages: their name, tenant and what their roles let them do. The pages
 * only offer what the role allows; the service checks it again on every call, and is the one that
 * decides.
 */
@RequestScoped
@Named("staff")
public class Staff {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public String name() {
        String name = idToken.getClaim("name");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String tenant() {
        Object tenant = idToken.getClaim("tenant");
        return tenant == null ? "(none)" : tenant.toString();
    }

    public String roles() {
        return String.join(", ", identity.getRoles().stream().sorted().toList());
    }

    /** Supervisors and managers answer escalations and approve review responses. */
    public boolean approves() {
        return identity.hasRole("supervisor") || identity.hasRole("manager");
    }

    /** Managers answer the escalations above a supervisor's authority. */
    public boolean manager() {
        return identity.hasRole("manager");
    }

    public boolean administersPolicy() {
        return identity.hasRole("policy-admin");
    }
}
