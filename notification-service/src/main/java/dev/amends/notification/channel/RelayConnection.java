package dev.amends.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection to the relay that remembers how far its current conversation got. Jakarta
 * Mail calls these steps in order for each message; which one a failure interrupted tells whether
 * the customer can have got the message.
 */
final class RelayConnection extends SMTPTransport {

    /** The steps of one SMTP conversation, in order. */
    enum Stage {
        CONNECTING("connecting and the greeting"),
        MAIL_FROM("MAIL FROM"),
        RCPT_TO("RCPT TO"),
        DATA("DATA and the message"),
        /** The terminating "." went out: the relay may have taken the message. */
        END_OF_DATA("the end of the message");

        final String step;

        Stage(String step) {
            this.step = step;
        }
    }

    private Stage stage = Stage.CONNECTING;
    private long idleSince;

    RelayConnection(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    Stage stage() {
        return stage;
    }

    /** A connection taken for a new message starts from its envelope. */
    void startMessage() {
        stage = Stage.MAIL_FROM;
    }

    void idleFrom(long millis) {
        idleSince = millis;
    }

    long idleSince() {
        return idleSince;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        stage = Stage.MAIL_FROM;
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        stage = Stage.RCPT_TO;
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        stage = Stage.DATA;
        return super.data();
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        stage = Stage.END_OF_DATA;
        super.finishData();
    }
}
