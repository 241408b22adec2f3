package dev.amends.intake.apikey;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Gives a signed-in identity the scopes its roles carry. An API key's identity has no roles and
 * brings its own scopes, so it gets nothing more here.
 */
@ApplicationScoped
public class ScopeGrants implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getRoles().isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(withScopes(QuarkusSecurityIdentity.builder(identity),
                Scope.ofRoles(identity.getRoles())).build());
    }

    static QuarkusSecurityIdentity.Builder withScopes(QuarkusSecurityIdentity.Builder identity, List<Scope> scopes) {
        return identity.addPermissionChecker(requested -> Uni.createFrom().item(
                scopes.stream().anyMatch(scope -> scope.permission().implies(requested))));
    }
}
