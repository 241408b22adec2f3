package dev.amends.notification.channel;

import dev.amends.notification.NotificationConfig;
import dev.amends.notification.NotificationConfig.Email.StartTls;
import dev.amends.notification.channel.RelayConnection.Stage;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.util.Date;
import java.util.Deque;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * E-mail over SMTP with Jakarta Mail: a plain-text and an HTML part, and the List-Unsubscribe
 * headers that let mail clients offer one-click unsubscribe (RFC 8058).
 *
 * <p>Each send runs its SMTP conversation on the calling sender's own thread, with a timeout on
 * every read and write, so a relay that stalls at any step ends the send at that step. How far the
 * conversation got decides what a failure means (RFC 5321 4.1.1.4: the relay takes a message only
 * with its reply to the end of the data): before the data ended, the customer certainly did not get
 * it and it is tried again later; after, without a reply, it may have gone out and is parked for a
 * person. Connections are kept for reuse while they are fresh, one per sender at most.
 */
@ApplicationScoped
public class EmailChannel {

    private static final String UTF_8 = "UTF-8";
    /** Relays quote the addresses they refuse; reasons are stored and logged, addresses are not. */
    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>@:;,]+@[^\\s<>:;,]+>?");

    private final NotificationConfig.Email config;
    private final InternetAddress from;
    private final Session session;
    private final ScheduledExecutorService writeTimeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "amends-smtp-write-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    /** Connected and idle, the most recently used first. */
    private final Deque<RelayConnection> idle = new ConcurrentLinkedDeque<>();

    static {
        // Jakarta Mail 2.1 finds its stream provider through ServiceLoader at every encoding step
        // (jakartaee/mail-api#861): under load, half of this service's CPU went to that search. Named
        // here, it is loaded by its name instead. A -D given to the JVM still wins.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    @Inject
    EmailChannel(NotificationConfig config) {
        this(config.email());
    }

    EmailChannel(NotificationConfig.Email config) {
        this.config = config;
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("amends.notification.email.from is not an address: " + e.getMessage(), e);
        }
        this.session = Session.getInstance(properties(config, from, writeTimeouts));
    }

    private static Properties properties(NotificationConfig.Email config, InternetAddress from,
            ScheduledExecutorService writeTimeouts) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.host());
        properties.put("mail.smtp.port", String.valueOf(config.port()));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(config.replyTimeout().toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(config.replyTimeout().toMillis()));
        // One timer thread for the write timeouts of all connections, instead of one per connection.
        properties.put("mail.smtp.executor.writetimeout", writeTimeouts);
        properties.put("mail.smtp.starttls.enable", String.valueOf(config.startTls() != StartTls.DISABLED));
        properties.put("mail.smtp.starttls.required", String.valueOf(config.startTls() == StartTls.REQUIRED));
        // Jakarta Mail does not check the relay's name against its certificate unless told to.
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.auth", String.valueOf(config.username().isPresent()));
        // The EHLO name and the Message-ID domain come from here rather than from a lookup of this host.
        properties.put("mail.smtp.localhost", config.ehloName());
        properties.put("mail.from", from.getAddress());
        // A connection is closed without waiting for the relay's goodbye.
        properties.put("mail.smtp.quitwait", "false");
        return properties;
    }

    public Delivery send(OutgoingMessage message) {
        MimeMessage mail;
        try {
            mail = compose(message);
        } catch (MessagingException e) {
            return new Delivery.Refused("Not sent: " + withoutAddresses(e.getMessage()), false);
        }
        RelayConnection connection = takeIdle();
        if (connection != null) {
            try {
                return deliver(connection, mail, message);
            } catch (MessagingException e) {
                discard(connection);
                if (!droppedWhileIdle(connection.stage(), e)) {
                    return outcome(connection.stage(), e);
                }
                // The relay closed it while it sat idle, before this message began: nothing went out.
            }
        }
        connection = new RelayConnection(session);
        try {
            connection.connect(config.host(), config.port(), config.username().orElse(null),
                    config.password().orElse(null));
            return deliver(connection, mail, message);
        } catch (MessagingException e) {
            discard(connection);
            return outcome(connection.stage(), e);
        }
    }

    private Delivery deliver(RelayConnection connection, MimeMessage mail, OutgoingMessage message)
            throws MessagingException {
        connection.startMessage();
        connection.sendMessage(mail, mail.getAllRecipients());
        connection.idleFrom(System.currentTimeMillis());
        idle.offerFirst(connection);
        return new Delivery.Sent("smtp:" + message.id());
    }

    private MimeMessage compose(OutgoingMessage message) throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(from);
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mail.setSubject(message.subject(), UTF_8);
        mail.setSentDate(new Date());
        if (message.html() == null) {
            mail.setText(message.text(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), UTF_8, "html");
            mail.setContent(new MimeMultipart("alternative", text, html));
        }
        mail.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.setHeader("X-Amends-Message-Id", message.id().toString());
        mail.saveChanges();
        return mail;
    }

    /**
     * What a failed conversation means for the customer. A reply of 400 or more is the relay saying
     * no, whenever it came: the message was not taken. Without a reply (a timeout, a dropped
     * connection), it depends on how far the conversation got.
     */
    static Delivery outcome(Stage stage, MessagingException e) {
        int code = replyCode(e);
        if (code >= 400) {
            String reply = "SMTP " + code + " to " + stage.step + ": " + withoutAddresses(firstLine(e));
            // A refusal of the message or mailbox (550-556, or 521: this server takes no mail) will
            // not change by trying again. 500-504 say the conversation itself went wrong (RFC 5321
            // 4.2.2: unrecognised command, bad sequence), which is ours or the connection's to retry.
            return refusesTheMessage(code) ? new Delivery.Refused(reply, false) : new Delivery.Retry(reply);
        }
        String cause = withoutAddresses(rootMessage(e));
        if (stage == Stage.END_OF_DATA) {
            return new Delivery.Uncertain("SMTP: the message went out but the relay did not confirm it (" + cause
                    + ")");
        }
        return new Delivery.Retry("SMTP: " + cause + " during " + stage.step + ", before the message went out");
    }

    /**
     * A reused connection that the relay closed while it sat idle fails on its first command, with no
     * reply or with 421 (closing the channel): the message never began, and a new connection may take it.
     */
    static boolean droppedWhileIdle(Stage stage, MessagingException e) {
        int code = replyCode(e);
        return stage == Stage.MAIL_FROM && (code <= 0 || code == 421);
    }

    static boolean refusesTheMessage(int replyCode) {
        return replyCode == 521 || replyCode >= 550 && replyCode <= 556;
    }

    /** The relay's reply code, if the failure was a reply; 0 or -1 (end of stream) when it was not. */
    static int replyCode(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (cause instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (cause instanceof SMTPSenderFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return 0;
    }

    static String withoutAddresses(String text) {
        return text == null ? "" : ADDRESS.matcher(text).replaceAll("<address>");
    }

    private static String firstLine(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPSendFailedException || cause instanceof SMTPAddressFailedException
                    || cause instanceof SMTPSenderFailedException) {
                return cause.getMessage().strip().lines().findFirst().orElse("");
            }
        }
        return e.getMessage();
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private RelayConnection takeIdle() {
        long now = System.currentTimeMillis();
        for (RelayConnection connection; (connection = idle.pollFirst()) != null; ) {
            if (now - connection.idleSince() < config.keepAlive().toMillis()) {
                return connection;
            }
            discard(connection);
        }
        return null;
    }

    /** Connections idle for longer than the keep-alive are closed even when no message comes to take them. */
    @Scheduled(every = "${amends.notification.email.keep-alive}", delayed = "${amends.notification.email.keep-alive}")
    void closeStaleConnections() {
        long staleBefore = System.currentTimeMillis() - config.keepAlive().toMillis();
        for (Iterator<RelayConnection> older = idle.descendingIterator(); older.hasNext(); ) {
            RelayConnection connection = older.next();
            if (connection.idleSince() < staleBefore && idle.removeFirstOccurrence(connection)) {
                discard(connection);
            }
        }
    }

    private static void discard(RelayConnection connection) {
        try {
            connection.close();
        } catch (MessagingException e) {
            // It is being dropped because it failed or went stale; how it ends changes nothing.
        }
    }

    @PreDestroy
    void closeAll() {
        for (RelayConnection connection; (connection = idle.pollFirst()) != null; ) {
            discard(connection);
        }
        writeTimeouts.shutdownNow();
    }
}
