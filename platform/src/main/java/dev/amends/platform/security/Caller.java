package dev.amends.platform.security;

import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, for the request at hand: the tenant every query of theirs is confined to, and the
 * name the audit trail records.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's tenant; a credential that names none may not touch tenant data at all. */
    public String tenant() {
        String tenant = identity.getAttribute(TenantClaim.ATTRIBUTE);
        if (tenant == null) {
            throw new ProblemException(403, ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.title(),
                    "The credentials name no tenant (claim `" + TenantClaim.CLAIM + "`), so no tenant's data can "
                            + "be reached with them.");
        }
        return tenant;
    }

    /** Whether the caller holds {@code role} (a manager holds supervisor too). */
    public boolean holds(String role) {
        return identity.hasRole(role);
    }

    /**
     * A decision is recorded under the signed-in caller's name, never under one typed into the
     * request: such a name is kept only as part of the note, and only when it is not the caller's
     * own, so nobody can sign a decision for someone else.
     */
    public String noteWithTypedName(String typedName, String note) {
        if (typedName == null || typedName.isBlank() || typedName.strip().equals(name())) {
            return note;
        }
        String typed = "(typed name: " + typedName.strip() + ")";
        return note == null || note.isBlank() ? typed : typed + " " + note;
    }

    /** The signed-in person's or client's name (the token's {@code upn}, {@code preferred_username} or subject). */
    public String name() {
        return identity.getPrincipal().getName();
    }
}
