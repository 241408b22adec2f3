package dev.amends.notification.message;

import dev.amends.contract.complaint.Customer;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes what a customer reads as their recovery moves: first the apology with what is being done,
 * then a confirmation, an update or an honest answer when a person has dealt with an escalation. Only the parts
 * of the apology the decision allows are written (rule 3), the make-good is stated plainly and
 * without qualifiers (rule 4), and the text names this customer's own case (rule 5). Templates
 * per locale and the tone check replace this writer in the notification issue.
 */
@ApplicationScoped
public class ApologyWriter {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    public Draft write(RecoveryDecided decision) {
        StringBuilder body = new StringBuilder()
                .append("Hello ").append(firstName(decision.customer().name())).append(",\n\n")
                .append(decision.round() > 1
                        ? "you told us this is still not right: " + decision.summary()
                                + ". We did not fix it the first time, and we are sorry for that too.\n"
                        : "thank you for telling us about this: " + decision.summary() + ".\n");
        if (decision.apology().contains(ApologyPart.REGRET)) {
            body.append("We are sorry it happened to you.");
        }
        if (decision.apology().contains(ApologyPart.RESPONSIBILITY)) {
            body.append(" We got this wrong.");
        }
        body.append("\n\n");
        if (decision.outcome() == RecoveryOutcome.GRANTED && decision.makeGood() != null) {
            body.append("To make it right: ").append(decision.makeGood().description())
                    .append(". It is done already; there is nothing you need to do.\n\n");
        } else if (decision.outcome() == RecoveryOutcome.ESCALATED) {
            Escalation escalation = decision.escalation();
            if (escalation.proposed() != null) {
                body.append("To make it right we are proposing ")
                        .append(escalation.proposed().description()).append(". ");
            }
            body.append("A senior colleague is taking it personally and you will hear from us by ")
                    .append(DUE.format(escalation.dueAt().atZone(zoneOf(decision)))).append(".\n\n");
        }
        if (decision.apology().contains(ApologyPart.REPENTANCE)) {
            body.append("We are looking into what went wrong so that it does not happen to you again.\n");
        }
        if (decision.apology().contains(ApologyPart.REQUEST_FOR_FORGIVENESS)) {
            body.append("We hope you will give us the chance to do better.\n");
        }
        body.append("\nIf anything is still not right, just reply to this message.\n");
        return new Draft("About your complaint: " + decision.summary(), body.toString());
    }

    /** A person granted what the policy could not grant by itself: say exactly what, and that it is done. */
    public Draft confirm(MakeGoodIssued issued) {
        String body = "Hello " + firstName(issued.customer().name()) + ",\n\n"
                + "about " + issued.summary() + ": it is settled. We have given you "
                + issued.makeGood().description() + ". It is done; there is nothing you need to do.\n\n"
                + "If anything is still not right, just reply to this message.\n";
        return new Draft("Done: " + issued.summary(), body);
    }

    /** We missed the date we gave; own it, and give the new one. */
    public Draft update(EscalationExpired expired) {
        String due = DUE.format(expired.escalation().dueAt().atZone(zoneOf(expired.customer())));
        String body = "Hello " + firstName(expired.customer().name()) + ",\n\n"
                + "we told you that you would hear from us about " + expired.summary() + " by "
                + DUE.format(expired.expiredDueAt().atZone(zoneOf(expired.customer())))
                + ", and we did not keep that promise. We are sorry.\n\n"
                + (expired.escalation().level() != expired.expiredLevel()
                        ? "A more senior colleague has taken it over"
                        : "We have moved it to the top of the list")
                + ", and you will hear from us by " + due + ".\n\n"
                + "If anything has changed in the meantime, just reply to this message.\n";
        return new Draft("An update on: " + expired.summary(), body);
    }

    /**
     * A person decided against the make-good. Say so honestly, with their reason, and that we are
     * disappointed too (rule 7); admit only what the fault allows (rule 3), and leave the door open.
     */
    public Draft answer(EscalationDeclined declined) {
        StringBuilder body = new StringBuilder()
                .append("Hello ").append(firstName(declined.customer().name())).append(",\n\n")
                .append("we have looked carefully at ").append(declined.summary()).append(".");
        if (declined.apology().contains(ApologyPart.REGRET)) {
            body.append(" We are sorry it happened to you.");
        }
        if (declined.apology().contains(ApologyPart.RESPONSIBILITY)) {
            body.append(" We got this wrong.");
        }
        body.append("\n\n").append("Here is what we decided, and why: ").append(declined.reason().strip())
                .append("\n\nWe know this is not the answer you hoped for, and we are disappointed too.\n\n")
                .append("If there is something we have missed, or you would like to talk it through, just reply to "
                        + "this message: a person will read it.\n");
        return new Draft("Our answer about: " + declined.summary(), body.toString());
    }

    private static ZoneId zoneOf(RecoveryDecided decision) {
        return zoneOf(decision.customer());
    }

    private static ZoneId zoneOf(Customer customer) {
        String zone = customer.timeZone();
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    private static String firstName(String name) {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }

    public record Draft(String subject, String body) {
    }
}
