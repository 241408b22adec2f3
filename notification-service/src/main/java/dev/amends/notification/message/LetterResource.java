package dev.amends.notification.message;

import dev.amends.notification.NotificationConfig;
import dev.amends.notification.link.SignedLinks;
import dev.amends.notification.page.Pages;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The whole letter behind an SMS: an SMS says the essentials in at most two segments and links here
 * for the rest. Reading it changes nothing, so a link preview may fetch it.
 */
@Path("/letters/{token}")
@PermitAll
@Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "Letters", description = "The whole letter an SMS links to.")
public class LetterResource {

    private final SignedLinks links;
    private final Pages pages;
    private final NotificationConfig config;

    LetterResource(SignedLinks links, Pages pages, NotificationConfig config) {
        this.links = links;
        this.pages = pages;
        this.config = config;
    }

    @GET
    @Transactional
    @Operation(summary = "Show the whole letter an SMS links to")
    @APIResponse(responseCode = "200", description = "The letter, as a page.",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "The link was altered or is not ours.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The letter is not here (any more): expired, erased or edited.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response show(@PathParam("token") String token, @Context HttpHeaders headers) {
        var messageId = links.letter(token);
        if (messageId.isEmpty()) {
            return pages.error(headers, 400, ProblemType.VALIDATION_FAILED, "This link does not work",
                    "It may have been cut short when it was copied. Please open it straight from the message.");
        }
        Optional<CustomerMessage> message = CustomerMessage.<CustomerMessage>findByIdOptional(messageId.get())
                .filter(m -> m.letterHtml != null)
                .filter(m -> m.createdAt.plus(config.links().letterValidFor()).isAfter(Instant.now()));
        if (message.isEmpty()) {
            return pages.error(headers, 404, ProblemType.NOT_FOUND, "This letter is no longer here",
                    "Letters are kept here for a while only. If you need it, just reply to the message.");
        }
        return Response.ok(message.get().letterHtml, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex").build();
    }
}
