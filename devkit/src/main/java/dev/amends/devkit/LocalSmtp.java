package dev.amends.devkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that keeps what it receives: the tests read messages back from
 * it, and the run command uses it as the local SMTP capture, readable over IMAP.
 */
public final class LocalSmtp implements AutoCloseable {

    private final GreenMail greenMail;

    private LocalSmtp(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** SMTP on {@code smtpPort} (0: any free port), and IMAP on {@code imapPort} when it is not negative. */
    public static LocalSmtp start(int smtpPort, int imapPort) {
        List<ServerSetup> setups = new ArrayList<>();
        setups.add(setup(smtpPort, ServerSetup.PROTOCOL_SMTP));
        if (imapPort >= 0) {
            setups.add(setup(imapPort, ServerSetup.PROTOCOL_IMAP));
        }
        GreenMail greenMail = new GreenMail(setups.toArray(ServerSetup[]::new));
        greenMail.start();
        return new LocalSmtp(greenMail);
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Everything received for this address so far. */
    public List<MimeMessage> receivedFor(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public int receivedCount() {
        return greenMail.getReceivedMessages().length;
    }

    /** The first value of a header of a received message, or null. */
    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a received message, with plain line ends. */
    public static String text(Part message) {
        return part(message, "text/plain");
    }

    /** The first part of a received message with this MIME type (text/plain, text/html), with plain line ends. */
    public static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return ((String) part.getContent()).replace("\r\n", "\n");
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = part(multipart.getBodyPart(i), mimeType);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
