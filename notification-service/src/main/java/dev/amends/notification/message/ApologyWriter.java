package dev.amends.notification.message;

import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the first message a customer gets: the apology with what is being done. Only the parts
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
                        .append(escalation.proposed().description().toLowerCase(Locale.ROOT)).append(". ");
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

    private static ZoneId zoneOf(RecoveryDecided decision) {
        String zone = decision.customer().timeZone();
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
