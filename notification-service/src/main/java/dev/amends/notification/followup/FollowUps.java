package dev.amends.notification.followup;

import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.notification.NotificationConfig;
import dev.amends.notification.casefile.CaseFile;
import dev.amends.notification.link.SignedLinks;
import dev.amends.notification.message.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Asks "did this fix it?" a few days after the make-good, sooner for customers to be over-served.
 * The follow-up is a message written now and due later, so it lives in PostgreSQL like every other
 * message: it survives restarts, and the dispatcher's claim sends it once with several instances.
 */
@ApplicationScoped
public class FollowUps {

    private final NotificationConfig.FollowUp config;
    private final Messages messages;
    private final SignedLinks links;

    FollowUps(NotificationConfig config, Messages messages, SignedLinks links) {
        this.config = config.followUp();
        this.messages = messages;
        this.links = links;
    }

    public void schedule(CaseFile file, int round, List<MakeGood> given, Instant now) {
        Instant due = now.plus(file.overService ? config.overServedAfter() : config.after());
        messages.write(new Messages.Draft(file.tenant, file.complaintId, file.customer, file.summary,
                MessageKind.FOLLOW_UP, round, 0, file.fault, false, due),
                (letter, words, id) -> letter.makeGood(words.makeGood(given))
                        .fixedLink(links.feedbackUrl(id, true, due))
                        .notFixedLink(links.feedbackUrl(id, false, due)).build());
    }
}
