package dev.amends.notification.followup;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/feedback/{token}")
@PermitAll
@Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "Feedback", description = "The customer's one-click answer to \"did this fix it?\".")
@APIResponse(responseCode = "400", description = "The link was altered or is not ours.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "The follow-up it answers does not exist (any more).",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The follow-up has not been sent, so it cannot be answered.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "410", description = "The link has expired.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FeedbackResource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final SignedLinks links;
    private final FeedbackDesk desk;
    private final Pages pages;

    FeedbackResource(SignedLinks links, FeedbackDesk desk, Pages pages) {
        this.links = links;
        this.desk = desk;
        this.pages = pages;
    }

    /**
     * Opening the link only asks: mail security gateways and link previews fetch (GET or HEAD) every
     * link in a message, and must not answer for the customer.
     */
    @GET
    @Operation(summary = "Ask the customer to confirm their answer to a follow-up",
            description = "The token, from the follow-up's \"yes, fixed\" or \"no, not yet\" link, names the follow-up "
                    + "and the answer and is signed. Opening the link records nothing: the page's button posts the "
                    + "answer.")
    @APIResponse(responseCode = "200", description = "A page with one button, or the answer already on file.")
    public Response ask(@PathParam("token") String token, @Context HttpHeaders headers) {
        SignedLinks.Feedback feedback = links.feedback(token).orElse(null);
        Response refused = refusal(feedback, headers);
        if (refused != null) {
            return refused;
        }
        Optional<FeedbackDesk.Answer> earlier = desk.earlierAnswer(feedback.followUpId());
        if (earlier.isPresent()) {
            return alreadyAnswered(earlier.get());
        }
        String action = "/api/v1/feedback/" + token;
        return feedback.fixed()
                ? pages.confirm("Is it sorted?", "Tell us with the button below, and thank you for letting us know.",
                        action, "Yes, it is fixed")
                : pages.confirm("Still not right?", "Tell us with the button below: we will reopen your complaint "
                        + "and look at it again, with everything you already told us.", action, "No, not yet");
    }

    @POST
    @Transactional
    @Operation(summary = "Record the customer's answer to a follow-up",
            description = "The button of the page the link opens. The first answer counts; a \"no\" reopens the "
                    + "complaint.")
    @APIResponse(responseCode = "200", description = "A thank-you page; the answer is recorded, or was already.")
    public Response answer(@PathParam("token") String token, @Context HttpHeaders headers) {
        SignedLinks.Feedback feedback = links.feedback(token).orElse(null);
        Response refused = refusal(feedback, headers);
        if (refused != null) {
            return refused;
        }
        Optional<FeedbackDesk.Answer> answer = desk.answer(feedback.followUpId(), feedback.fixed(), ContactChannel.EMAIL);
        if (answer.isEmpty()) {
            return refusal(feedback, headers);
        }
        FeedbackDesk.Answer recorded = answer.get();
        if (!recorded.recordedNow()) {
            return alreadyAnswered(recorded);
        }
        return recorded.fixed()
                ? pages.ok("Thank you", "We are glad it is sorted. Thank you for letting us know.")
                : pages.ok("Thank you for telling us", "We have reopened your complaint and are looking at it again "
                        + "now, with everything you already told us. You will hear from us soon.");
    }

    /** Why this link cannot be answered, as a page or a problem; null when it can. */
    private Response refusal(SignedLinks.Feedback feedback, HttpHeaders headers) {
        if (feedback == null) {
            return pages.error(headers, 400, ProblemType.LINK_INVALID, "This link does not work",
                    "Part of the link seems to be missing or changed. You can simply reply to our message instead.");
        }
        if (Instant.now().isAfter(feedback.expiresAt())) {
            return pages.error(headers, 410, ProblemType.LINK_EXPIRED, "This link has expired",
                    "It has been a while since we asked. If something is still not right, reply to our message and "
                            + "a person will pick it up.");
        }
        return switch (desk.question(feedback.followUpId())) {
            case UNKNOWN -> pages.error(headers, 404, ProblemType.NOT_FOUND, "We cannot find this question",
                    "You can simply reply to our message instead.");
            case NOT_SENT -> pages.error(headers, 409, ProblemType.CONFLICT, "We have not asked this yet",
                    "This question has not been sent, so there is nothing to answer yet.");
            case SENT -> null;
        };
    }

    private Response alreadyAnswered(FeedbackDesk.Answer earlier) {
        return pages.ok("We already have your answer", "On " + WHEN.format(earlier.answeredAt())
                + " you told us " + (earlier.fixed() ? "it is fixed." : "it is not fixed yet, and we are on it.")
                + " If anything has changed since, just reply to our message.");
    }
}
