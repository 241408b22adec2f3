package dev.amends.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the tenant a bearer token was issued for into the identity, where {@link Caller} finds it
 * whichever way the caller signed in (an API key puts it there itself). A claim that is not a
 * tenant slug counts as no tenant.
 */
@ApplicationScoped
public class TenantClaim implements SecurityIdentityAugmentor {

    /** The JWT claim naming the tenant. */
    public static final String CLAIM = "tenant";
    /** The identity attribute holding the tenant. */
    public static final String ATTRIBUTE = "amends.tenant";
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(ATTRIBUTE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object claim = token.getClaim(CLAIM);
        String tenant = claim instanceof JsonString text ? text.getString() : claim instanceof String plain ? plain : null;
        if (tenant == null || !SLUG.matcher(tenant).matches()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, tenant).build());
    }
}
