package dev.amends.notification.message;

import dev.amends.contract.recovery.Fault;
import dev.amends.notification.casefile.CaseFile;
import dev.amends.notification.delivery.Dispatcher;
import dev.amends.notification.writing.MessageWriter;
import dev.amends.platform.audit.AuditTrail;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import dev.amends.voice.ToneCheck;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/notifications")
@RolesAllowed({ Roles.CRM_CLIENT, Roles.SUPERVISOR, Roles.OPS })
@Tag(name = "Notifications", description = "What customers were sent about their complaints, and its delivery state.")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final Dispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final Caller caller;
    private final AuditTrail audit;

    MessageResource(Dispatcher dispatcher, AfterCommit afterCommit, Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
    }

    /**
     * A person's edit of a held message; it is checked again before it may go. The release is
     * recorded under the signed-in caller; another name typed here is kept only in the reason.
     */
    public record Release(@Size(max = 200) String releasedBy, String subject, String body) {
    }

    @GET
    @Transactional
    @Operation(summary = "List the messages about a complaint, or those in one state",
            description = "complaintId: every message about it, oldest first. status (PARKED, HELD, ...): the queue "
                    + "operations work through, oldest due first. The ops role reads only the HELD and PARKED "
                    + "queues. The signed links in a message (feedback, unsubscribe) are never shown.")
    @APIResponse(responseCode = "200", description = "The messages; a queue (status) a page at a time.",
            headers = @Header(name = QueryParameters.TOTAL_COUNT, description = "How many messages in all.",
                    schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "400", description = "Neither complaintId nor status given, or one is malformed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<MessageView>> list(@QueryParam("complaintId") String complaintId,
            @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        boolean queuesOnly = !caller.holds(Roles.CRM_CLIENT) && !caller.holds(Roles.SUPERVISOR);
        if (queuesOnly && (complaintId != null || status != null && !OPS_QUEUES.contains(status))) {
            throw new ProblemException(403, ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.title(),
                    "Operations read the HELD and PARKED queues (status=HELD or status=PARKED); the messages of a "
                            + "complaint are for its CRM and supervisors.");
        }
        if (complaintId != null) {
            List<MessageView> all = CustomerMessage.forComplaint(caller.tenant(),
                    QueryParameters.requiredUuid("complaintId", complaintId)).stream().map(MessageView::of).toList();
            return RestResponse.ResponseBuilder.ok(all).header(QueryParameters.TOTAL_COUNT, all.size()).build();
        }
        if (status == null) {
            throw QueryParameters.invalid("complaintId or status", "is required");
        }
        MessageStatus wanted = Arrays.stream(MessageStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> QueryParameters.invalid("status", "must be one of "
                        + Arrays.stream(MessageStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
        List<MessageView> page = CustomerMessage.withStatus(caller.tenant(), wanted, QueryParameters.offset(offset),
                QueryParameters.limit(limit, 50, 500)).stream().map(MessageView::of).toList();
        return RestResponse.ResponseBuilder.ok(page)
                .header(QueryParameters.TOTAL_COUNT, CustomerMessage.countWithStatus(caller.tenant(), wanted)).build();
    }

    @RolesAllowed(Roles.OPS)
    @POST
    @Path("/{id}/retry")
    @Transactional
    @Operation(summary = "Send a parked message again",
            description = "For a person who checked that it did not reach the customer, or that it may go twice.")
    @APIResponse(responseCode = "200", description = "It is pending again, due now.")
    @APIResponse(responseCode = "404", description = "No such message.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The message is not parked.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageView retry(@PathParam("id") UUID id) {
        CustomerMessage message = locked(id, MessageStatus.PARKED);
        message.attempts = 0;
        audit.record("message.resent", "message", id, new Audited(MessageStatus.PARKED, false),
                new Audited(MessageStatus.PENDING, false));
        return pending(message, "Sent again by a person after: " + message.reason);
    }

    @RolesAllowed({ Roles.OPS, Roles.SUPERVISOR })
    @POST
    @Path("/{id}/release")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release a held message, as it is or edited",
            description = "The text is checked again; a text that still fails the tone check stays held.")
    @APIResponse(responseCode = "200", description = "It is pending, due now.")
    @APIResponse(responseCode = "404", description = "No such message.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The message is not held.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The text still fails the tone check; every finding is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageView release(@PathParam("id") UUID id, @Valid @NotNull Release release) {
        CustomerMessage message = locked(id, MessageStatus.HELD);
        String subject = release.subject() == null ? message.subject : MessageWriter.plainSubject(release.subject());
        String body = release.body() == null ? message.body : MessageView.withLinkTokens(message.body, release.body());
        CaseFile file = CaseFile.findById(message.complaintId);
        List<ToneCheck.Finding> findings = ToneCheck.check(subject + "\n" + body,
                file == null ? Fault.UNKNOWN : file.fault);
        if (!findings.isEmpty()) {
            throw new ProblemException(422, ProblemType.VALIDATION_FAILED, "The text still fails the tone check",
                    findings.stream().map(ToneCheck.Finding::explain).collect(Collectors.joining("; ")));
        }
        boolean edited = !subject.equals(message.subject) || !body.equals(message.body);
        audit.record("message.released", "message", id, new Audited(MessageStatus.HELD, false),
                new Audited(MessageStatus.PENDING, edited));
        if (edited) {
            message.subject = subject;
            message.body = body;
            // The HTML part was made from the old words; the plain-text part alone says the new ones.
            message.htmlBody = null;
            message.letterHtml = null;
        }
        return pending(message, caller.noteWithTypedName(release.releasedBy(), "Released by " + caller.name()));
    }

    /** What operations work through: messages a person has to look at before they go. */
    private static final Set<String> OPS_QUEUES = Set.of(MessageStatus.HELD.name(), MessageStatus.PARKED.name());

    /** A message as the audit trail keeps it: never its words, which are written to the customer by name. */
    record Audited(MessageStatus status, boolean textEdited) {
    }

    private CustomerMessage locked(UUID id, MessageStatus expected) {
        CustomerMessage message = CustomerMessage.<CustomerMessage>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(m -> m.tenant.equals(caller.tenant()))
                .orElseThrow(() -> ProblemException.notFound("Message", id));
        if (message.status != expected) {
            throw new ProblemException(409, ProblemType.CONFLICT, "Message is " + message.status,
                    "Only a " + expected + " message can be sent this way; this one is " + message.status + ".");
        }
        return message;
    }

    private MessageView pending(CustomerMessage message, String reason) {
        message.status = MessageStatus.PENDING;
        message.dueAt = Instant.now();
        message.reason = reason;
        afterCommit.run(dispatcher::wake);
        return MessageView.of(message);
    }
}
