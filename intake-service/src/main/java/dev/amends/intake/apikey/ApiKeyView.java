package dev.amends.intake.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as an administrator sees it; {@code key} is present only in the answer that made it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        UUID id,
        String client,
        @Schema(description = "The key's public part, to tell keys apart in lists and logs.") String lookup,
        List<String> scopes,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt,
        UUID replacedBy,
        @Schema(description = "The key itself, shown once: store it now, it cannot be read again.") String key) {

    static ApiKeyView of(ApiKey k) {
        return of(k, null);
    }

    static ApiKeyView of(ApiKey k, String key) {
        return new ApiKeyView(k.id, k.client, k.lookup, k.scopeList().stream().map(Scope::scopeName).toList(),
                k.createdAt, k.createdBy, k.expiresAt, k.revokedAt, k.replacedBy, key);
    }
}
