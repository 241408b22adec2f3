package dev.amends.notification;

import dev.amends.devkit.LocalSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading back what the SMTP server received. */
public final class Mails {

    private Mails() {
    }

    public static String text(MimeMessage message) {
        return LocalSmtp.text(message);
    }

    public static String html(MimeMessage message) {
        return LocalSmtp.part(message, "text/html");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        return LocalSmtp.header(message, name);
    }

    /** The first link in the text that starts with {@code prefix}. */
    public static String link(String text, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no link starting with " + prefix + " in:\n" + text);
        }
        return matcher.group();
    }

    public static List<MimeMessage> withSubject(List<MimeMessage> messages, String start) {
        return messages.stream().filter(m -> subject(m).startsWith(start)).toList();
    }
}
