package dev.amends.intake.apikey;

import dev.amends.platform.security.TenantClaim;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Signs a CRM integration in by the API key in its {@code X-Api-Key} header. Requests without the
 * header are left to the bearer-token mechanism.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-Api-Key";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String presented = context.request().getHeader(HEADER);
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new KeyPresented(presented), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(KeyPresented.class);
    }

    /** The key as presented; it never leaves this package and is never logged. */
    static final class KeyPresented extends BaseAuthenticationRequest {

        private final String key;

        KeyPresented(String key) {
            this.key = key;
        }
    }

    /** Turns a presented key into the identity of its integration: its tenant and its scopes, no roles. */
    @ApplicationScoped
    static class Keys implements IdentityProvider<KeyPresented> {

        private final ApiKeys keys;

        Keys(ApiKeys keys) {
            this.keys = keys;
        }

        @Override
        public Class<KeyPresented> getRequestType() {
            return KeyPresented.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(KeyPresented request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> keys.verify(request.key)
                    .map(key -> (SecurityIdentity) ScopeGrants.withScopes(QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal("api-key:" + key.lookup + ":" + key.client))
                            .addAttribute(TenantClaim.ATTRIBUTE, key.tenant), key.scopeList()).build())
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }
}
