package dev.amends.notification.preference;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.notification.link.SignedLinks;
import dev.amends.notification.page.Pages;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The unsubscribe link of every e-mail. Opening it only asks (mail scanners open links too); the
 * button, or a mail client's one-click POST (RFC 8058), stops the e-mails.
 */
@Path("/api/v1/unsubscribe/{token}")
@PermitAll
@Tag(name = "Unsubscribe", description = "A customer stops e-mails from us.")
@Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class UnsubscribeResource {

    private final SignedLinks links;
    private final OptOuts optOuts;
    private final Pages pages;

    UnsubscribeResource(SignedLinks links, OptOuts optOuts, Pages pages) {
        this.links = links;
        this.optOuts = optOuts;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "Ask the customer to confirm that e-mails should stop")
    @APIResponse(responseCode = "200", description = "A page with one button.")
    @APIResponse(responseCode = "400", description = "The link was altered or is not ours.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ask(@PathParam("token") String token, @Context HttpHeaders headers) {
        if (links.unsubscribe(token).isEmpty()) {
            return invalid(headers);
        }
        return pages.confirm("Stop e-mails from us?",
                "We will not e-mail you about your complaints any more. Messages by SMS, if you get them, go on.",
                "/api/v1/unsubscribe/" + token, "Stop e-mails");
    }

    @POST
    @Transactional
    @Operation(summary = "Stop e-mails to this customer", description = "Also the target of List-Unsubscribe-Post.")
    @APIResponse(responseCode = "200", description = "Done; e-mails not yet sent are not sent.")
    @APIResponse(responseCode = "400", description = "The link was altered or is not ours; nothing was changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unsubscribe(@PathParam("token") String token, @Context HttpHeaders headers) {
        Optional<SignedLinks.Unsubscribe> who = links.unsubscribe(token);
        if (who.isEmpty()) {
            return invalid(headers);
        }
        optOuts.set(who.get().tenant(), who.get().customerId(), ContactChannel.EMAIL, false, "unsubscribe link");
        return pages.ok("You will not get e-mails from us any more",
                "That is done. If you change your mind, tell us through any of our usual channels.");
    }

    private Response invalid(HttpHeaders headers) {
        return pages.error(headers, 400, ProblemType.LINK_INVALID, "This link does not work",
                "Part of the link seems to be missing or changed. Please use the link from the e-mail exactly as it is.");
    }
}
