package dev.amends.recovery.ledger;

import dev.amends.contract.Money;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import dev.amends.recovery.policy.Policies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{customerId}/make-goods")
@RolesAllowed({ Roles.CRM_CLIENT, Roles.SUPERVISOR })
@Tag(name = "Ledger", description = "Every make-good issued, once.")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerMakeGoodsResource {

    private final Policies policies;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    CustomerMakeGoodsResource(Policies policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    /** The customer's ledger lines, newest first, and what counts against the policy's history window. */
    public record CustomerMakeGoods(String customerId, Period window, int makeGoodsInWindow,
            List<Money> totalsInWindow, List<LedgerEntryView> entries) {
    }

    @GET
    @Transactional
    @Operation(summary = "A customer's make-goods",
            description = "Ledger lines newest first (since `since`, default: the policy's history window), and "
                    + "how many make-goods and what totals count against the active policy's history budget.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerMakeGoods.class)))
    @APIResponse(responseCode = "400", description = "An unreadable `since` or `limit`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerMakeGoods list(@PathParam("customerId") String customerId,
            @Parameter(description = "ISO 8601 instant") @QueryParam("since") String since,
            @Parameter(description = "1 to 500, default 100") @QueryParam("limit") String limit) {
        Period window = policies.active(caller.tenant()).document().history().window();
        Instant windowStart = clock.instant().atOffset(ZoneOffset.UTC).minus(window).toInstant();
        Instant from = QueryParameters.instant("since", since);
        List<LedgerEntry> entries = LedgerEntry.ofCustomer(caller.tenant(), customerId, from == null ? windowStart : from,
                QueryParameters.limit(limit, 100, 500));
        List<LedgerEntry> inWindow = LedgerEntry.ofCustomer(caller.tenant(), customerId, windowStart, Integer.MAX_VALUE);
        Map<String, Money> totals = new TreeMap<>();
        inWindow.forEach(e -> totals.merge(e.currency, e.value(), Money::plus));
        return new CustomerMakeGoods(customerId, window,
                (int) inWindow.stream().map(e -> e.recoveryId).distinct().count(),
                List.copyOf(totals.values()), entries.stream().map(LedgerEntryView::of).toList());
    }
}
