package dev.amends.notification.channel;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.notification.NotificationConfig;
import dev.amends.notification.followup.FeedbackDesk;
import dev.amends.notification.preference.OptOuts;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Replies customers send to our SMS, posted by the provider: STOP (and the carriers' other stop
 * words) opts them out, START opts them back in, YES or NO answers their open follow-up. The
 * provider signs each post (X-Twilio-Signature: HMAC-SHA1 over the URL and the sorted parameters).
 */
@Path("/api/v1/sms/replies")
@Tag(name = "SMS replies", description = "The SMS provider's webhook for what customers text back.")
public class SmsReplies {

    private static final Logger LOG = Logger.getLogger(SmsReplies.class);
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP");
    private static final Set<String> YES = Set.of("YES", "Y", "JA");
    private static final Set<String> NO = Set.of("NO", "N", "NEIN");
    private static final String EMPTY_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final NotificationConfig.Sms config;
    private final OptOuts optOuts;
    private final FeedbackDesk feedback;

    SmsReplies(NotificationConfig config, OptOuts optOuts, FeedbackDesk feedback) {
        this.config = config.sms();
        this.optOuts = optOuts;
        this.feedback = feedback;
    }

    @PermitAll
    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    @Operation(summary = "Take a customer's SMS reply", description = "Form fields as the provider posts them; "
            + "From and Body are used. Answers with an empty TwiML response: nothing is texted back.")
    @APIResponse(responseCode = "200", description = "Handled (or not a word we act on).")
    @APIResponse(responseCode = "403", description = "The signature does not match; nothing was changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String reply(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form) {
        verify(signature, form);
        String from = form.getFirst("From");
        String word = form.getFirst("Body") == null ? "" : form.getFirst("Body").strip().toUpperCase(Locale.ROOT);
        if (from == null) {
            return EMPTY_REPLY;
        }
        if (STOP.contains(word) || START.contains(word)) {
            boolean allowed = START.contains(word);
            for (Object[] customer : optOuts.customersAt(from)) {
                optOuts.set((String) customer[0], (String) customer[1], ContactChannel.SMS, allowed,
                        "SMS reply " + word);
            }
        } else if (YES.contains(word) || NO.contains(word)) {
            feedback.openFollowUpAt(from)
                    .ifPresent(followUp -> feedback.answer(followUp, YES.contains(word), ContactChannel.SMS));
        } else {
            LOG.infof("An SMS reply that is not a keyword; a person reads replies in the provider's inbox");
        }
        return EMPTY_REPLY;
    }

    private void verify(String signature, MultivaluedMap<String, String> form) {
        if (signature == null) {
            // Unsigned is unauthenticated, as on every other endpoint: 401, not 403.
            throw new ProblemException(401, ProblemType.UNAUTHENTICATED, ProblemType.UNAUTHENTICATED.title(),
                    "The X-Twilio-Signature header is missing; nothing was changed.");
        }
        if (config.token().isEmpty() || config.inboundUrl().isEmpty()) {
            throw forbidden();
        }
        try {
            if (!MessageDigest.isEqual(Base64.getDecoder().decode(sign(config.token().get(), config.inboundUrl().get(), form)),
                    Base64.getDecoder().decode(signature))) {
                throw forbidden();
            }
        } catch (IllegalArgumentException e) {
            throw forbidden();
        }
    }

    private static ProblemException forbidden() {
        return new ProblemException(403, ProblemType.SIGNATURE_INVALID, ProblemType.SIGNATURE_INVALID.title(),
                "The X-Twilio-Signature header does not match; nothing was changed.");
    }

    /** The signature the provider would send for this form: for tests and for the local SMS sandbox. */
    public static String sign(String token, String url, MultivaluedMap<String, String> form) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, values) -> values.forEach(value -> signed.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
