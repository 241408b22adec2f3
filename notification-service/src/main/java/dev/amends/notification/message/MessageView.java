package dev.amends.notification.message;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.notification.MessageKind;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as operations and CRMs see it: what, to whom, on which channel, and its delivery
 * state; {@code reason} says why it is held, suppressed or parked, or why the last attempt failed.
 * The signed links in its text are the customer's credentials (a feedback answer, an unsubscribe),
 * so the view shows where they lead but not their tokens.
 */
public record MessageView(UUID id, UUID complaintId, int round, MessageKind kind, ContactChannel channel,
        String recipient, String locale, String subject, String body, MessageStatus status, String reason,
        int attempts, Instant createdAt, Instant dueAt, Instant sentAt, String providerReference) {

    public static MessageView of(CustomerMessage m) {
        return new MessageView(m.id, m.complaintId, m.round, m.kind, m.channel, m.recipient, m.locale, m.subject,
                withoutLinkTokens(m.body), m.status, m.reason, m.attempts, m.createdAt, m.dueAt, m.sentAt, m.providerReference);
    }

    private static final Pattern SIGNED_LINK = Pattern.compile("(/api/v1/(?:feedback|unsubscribe)/)[A-Za-z0-9_.=-]+");
    static final String WITHHELD = "[signed link, shown only to the customer]";

    static String withoutLinkTokens(String text) {
        return text == null ? null : SIGNED_LINK.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(WITHHELD));
    }

    /**
     * A text a person edited from this view, with the links they saw withheld signed again: each
     * withheld link gets the token of the original's link at the same place, in order.
     */
    static String withLinkTokens(String original, String edited) {
        Matcher links = SIGNED_LINK.matcher(original);
        StringBuilder restored = new StringBuilder();
        int from = 0;
        for (int at = edited.indexOf(WITHHELD); at >= 0; at = edited.indexOf(WITHHELD, from)) {
            if (!links.find()) {
                break;
            }
            int linkPath = links.start() + links.group(1).length();
            restored.append(edited, from, at).append(original, linkPath, links.end());
            from = at + WITHHELD.length();
        }
        return restored.append(edited, from, edited.length()).toString();
    }
}
