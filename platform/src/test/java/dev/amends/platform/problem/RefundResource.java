package dev.amends.platform.problem;

import dev.amends.platform.validation.MoneyRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A request with nested and repeated parts, as the services' requests have, for the error mappers to name. */
@Path("/api/test")
public class RefundResource {

    /** Requests to {@code /held} wait on this until a test lets them go. */
    static volatile CountDownLatch held = new CountDownLatch(0);

    public record RefundRequest(@NotNull @Valid MoneyRequest total, @NotEmpty List<@Valid @NotNull Line> lines) {
    }

    public record Line(@NotBlank String item, @NotNull @Valid MoneyRequest price) {
    }

    @POST
    @Path("/refunds")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validates a refund and does nothing else")
    public String refund(@Valid @NotNull RefundRequest request) {
        return "valid";
    }

    @GET
    @Path("/refunds/{customerId}")
    @PermitAll
    @Operation(summary = "Reads since as an instant; a customer named explode makes it fail unexpectedly")
    public String refundsOf(@PathParam("customerId") String customerId, @QueryParam("since") String since) {
        if (customerId.contains("explode")) {
            throw new IllegalStateException("a failure nobody expected");
        }
        return String.valueOf(QueryParameters.instant("since", since));
    }

    @POST
    @Path("/held")
    @PermitAll
    @Operation(summary = "Answers once the test lets it")
    public String held() throws InterruptedException {
        held.await(30, TimeUnit.SECONDS);
        return "released";
    }
}
