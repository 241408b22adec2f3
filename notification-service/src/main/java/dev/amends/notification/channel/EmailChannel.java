package dev.amends.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeoutException;

/**
 * E-mail over SMTP with the Quarkus Mailer: a plain-text and an HTML part, and the List-Unsubscribe
 * headers that let mail clients offer one-click unsubscribe (RFC 8058). SMTP accepts a message
 * only at the end of the transaction, so a failure means it was not accepted and may be retried.
 */
@ApplicationScoped
public class EmailChannel {

    private final Mailer mailer;

    EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    public Delivery send(OutgoingMessage message) {
        Mail mail = Mail.withText(message.recipient(), message.subject(), message.text())
                .setHtml(message.html())
                .addHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("X-Amends-Message-Id", message.id().toString());
        try {
            mailer.send(mail);
            return new Delivery.Sent("smtp:" + message.id());
        } catch (RuntimeException e) {
            if (timedOut(e)) {
                // The server may have taken the message just before the wait ran out.
                return new Delivery.Uncertain("SMTP: no answer within the mailer's timeout");
            }
            // A refusal of the message or mailbox (550-556, or 521: this server takes no mail) will not
            // change by trying again. 500-504 say the conversation itself went wrong (RFC 5321 4.2.2:
            // unrecognised command, bad sequence), which is ours or the connection's to retry: a
            // greeting read back garbled as "500" under concurrent sends once parked a good apology.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SMTPException smtp && refusesTheMessage(smtp.getReplyCode())) {
                    return new Delivery.Refused("SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage(), false);
                }
            }
            return new Delivery.Retry("SMTP: " + rootMessage(e));
        }
    }

    /** The blocking mailer gives up with Mutiny's TimeoutException, other paths with the JDK's. */
    static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static boolean refusesTheMessage(int replyCode) {
        return replyCode == 521 || replyCode >= 550 && replyCode <= 556;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
