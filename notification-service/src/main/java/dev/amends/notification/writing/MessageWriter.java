package dev.amends.notification.writing;

import dev.amends.contract.notification.MessageKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a message from its Qute template ({@code templates/messages/<language>/<kind>.txt}, a
 * subject and a body fragment) and adds what every message on its channel carries: for e-mail an
 * HTML part with the same words and the unsubscribe line, for SMS how to stop them.
 */
@ApplicationScoped
public class MessageWriter {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final Engine engine;

    MessageWriter(Engine engine) {
        this.engine = engine;
    }

    public record Written(String subject, String text, String html) {
    }

    /** An e-mail: plain text and HTML, both ending with how to unsubscribe. */
    public Written email(MessageKind kind, String language, Letter letter, String unsubscribeLink) {
        String subject = plainSubject(render(kind, language, "subject", letter));
        String body = withoutBidiControls(render(kind, language, "body", letter).strip()) + "\n\n"
                + MessageFormat.format(Words.bundle(language).getString("footer.email"), unsubscribeLink);
        return new Written(subject, body, html(language, subject, body));
    }

    /**
     * An SMS: the template's short form, a link to the whole letter, and how to stop them, in at most
     * {@link SmsSegments#LIMIT} segments. Where it would be longer (or need UCS-2), it is written with
     * less, in the order {@link Letter#shorter()} gives.
     */
    public Written sms(MessageKind kind, String language, Letter letter, String letterLink) {
        String subject = plainSubject(render(kind, language, "subject", letter));
        ResourceBundle words = Words.bundle(language);
        String ending = (letterLink == null ? "" : " " + MessageFormat.format(words.getString("letter.sms"),
                letterLink)) + "\n" + words.getString("footer.sms");
        for (Letter variant = letter; variant != null; variant = variant.shorter()) {
            String text = SmsSegments.plain(withoutBidiControls(render(kind, language, "sms", variant).strip()
                    .replaceAll("\\s*\n\\s*", " "))) + ending;
            if (SmsSegments.count(text) <= SmsSegments.LIMIT) {
                return new Written(subject, text, null);
            }
        }
        // Even the shortest form is too long (a policy that gives many make-goods at once): the SMS
        // then says what it is about in our own words, and the letter says the rest.
        String greeting = words.getString("sms.greeting");
        return new Written(subject, SmsSegments.plain(greeting + MessageFormat.format(words.getString("sms.short"),
                letter.brief())) + ending, null);
    }

    /** The whole letter an SMS links to: the e-mail's words without the unsubscribe line. */
    public Written letter(MessageKind kind, String language, Letter letter) {
        String subject = plainSubject(render(kind, language, "subject", letter));
        String body = withoutBidiControls(render(kind, language, "body", letter).strip());
        return new Written(subject, body, html(language, subject, body));
    }

    /**
     * A subject shows a complaint's summary as the CRM wrote it, and mail clients show subjects
     * before anything else: bidirectional embedding, override and isolate controls could make it
     * read as something else (the "Trojan Source" trick), so they are left out, with line breaks.
     */
    public static String plainSubject(String subject) {
        return withoutBidiControls(subject).replaceAll("[\\r\\n]+", " ").strip();
    }

    /** The body quotes the summary too; the right-to-left marks a Hebrew or Arabic text needs stay. */
    private static String withoutBidiControls(String text) {
        return BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private String render(MessageKind kind, String language, String part, Letter letter) {
        String id = "messages/" + language + "/" + kind.name().toLowerCase(Locale.ROOT);
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new TemplateException("No template " + id);
        }
        String text = template.getFragment(part).data("m", letter).render();
        // Template sections leave blank lines behind; a message never has more than one in a row.
        return text.replaceAll("\n{3,}", "\n\n");
    }

    private String html(String language, String subject, String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            paragraphs.add(linked(escape(paragraph.strip())).replace("\n", "<br>"));
        }
        return engine.getTemplate("messages/layout").data("language", language).data("subject", subject)
                .data("paragraphs", paragraphs).render();
    }

    private static String linked(String escaped) {
        Matcher matcher = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String url = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
