package dev.amends.intake.apikey;

import dev.amends.platform.security.Roles;
import io.quarkus.security.StringPermission;
import java.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a CRM integration may do in intake. An API key holds only the scopes it was issued with; a
 * bearer token holds the scopes of its roles ({@link ScopeGrants}).
 */
public enum Scope {
    WRITE_COMPLAINTS(Scope.COMPLAINTS_WRITE, Set.of(Roles.CRM_CLIENT)),
    // Roles are granted scopes before the platform maps manager to supervisor, so both are named.
    READ_COMPLAINTS(Scope.COMPLAINTS_READ, Set.of(Roles.CRM_CLIENT, Roles.SUPERVISOR, Roles.MANAGER)),
    MANAGE_WEBHOOKS(Scope.WEBHOOKS_MANAGE, Set.of(Roles.CRM_CLIENT));

    /** File complaints, reopen them, ask and answer their open questions. */
    public static final String COMPLAINTS_WRITE = "complaints:write";
    /** List and read complaints with their timelines. */
    public static final String COMPLAINTS_READ = "complaints:read";
    /** Register, read and stop webhooks. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    private final String name;
    private final Set<String> roles;

    Scope(String name, Set<String> roles) {
        this.name = name;
        this.roles = roles;
    }

    public String scopeName() {
        return name;
    }

    /** The permission {@code @PermissionsAllowed(name)} asks for. */
    Permission permission() {
        String[] parts = name.split(":");
        return new StringPermission(parts[0], parts[1]);
    }

    static Optional<Scope> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name.equals(name)).findFirst();
    }

    static List<Scope> ofRoles(Set<String> roles) {
        return Arrays.stream(values()).filter(s -> s.roles.stream().anyMatch(roles::contains)).toList();
    }
}
