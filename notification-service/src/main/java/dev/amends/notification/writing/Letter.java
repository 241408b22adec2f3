package dev.amends.notification.writing;

/**
 * What a message template may say, already in the customer's language: names, dates in their time
 * zone, the make-good in their words. A null field means the template leaves that sentence out.
 *
 * @param firstName how we greet them
 * @param about what the complaint is about, a noun phrase ({@link Words#about})
 * @param asked the make-goods the customer asked for, answered next to what we did
 * @param apologyAsked they asked for an apology in so many words
 * @param briefAbout what the complaint is about in our own few words, with the order reference: for
 *        an SMS that has no room for the summary
 * @param brief the same without the reference
 * @param reopened they told us it was still not right: this is a later round
 * @param regret the apology's parts this recovery's fault allows (DOMAIN.md rule 3)
 * @param makeGood what is given, phrased for the customer; null when nothing is given (yet)
 * @param settleBy when the make-good reaches them, a promise we track; null when it is there already
 * @param proposed what we propose while a person decides
 * @param answerBy when they hear from us about an escalation, a promise we track
 * @param missedDate the date we gave and did not keep
 * @param movedUp a more senior colleague took an overdue escalation over
 * @param reason a person's reason for declining the make-good, as they wrote it
 * @param settledReference the paying system's reference for a settled make-good
 * @param late the make-good arrived after the date we gave
 * @param fixedLink the follow-up's "yes, fixed" link (e-mail)
 * @param notFixedLink the follow-up's "no, not yet" link (e-mail)
 * @param sms the text goes out as an SMS: short, with replies instead of links
 */
public record Letter(
        String firstName,
        String about,
        String asked,
        boolean apologyAsked,
        String briefAbout,
        String brief,
        boolean reopened,
        boolean regret,
        boolean responsibility,
        boolean repentance,
        boolean forgiveness,
        String makeGood,
        String settleBy,
        String proposed,
        String answerBy,
        String missedDate,
        boolean movedUp,
        String reason,
        String settledReference,
        boolean late,
        String fixedLink,
        String notFixedLink,
        boolean sms) {

    /**
     * The same letter with less of what can make an SMS long or need UCS-2, or null when there is
     * nothing left to leave out. In this order: the CRM's summary gives way to our own words with the
     * order reference; then the answer to what they asked for goes (the make-good itself stays);
     * then the customer's name; then the reference.
     */
    Letter shorter() {
        if (briefAbout != null && !briefAbout.equals(about) && !about.equals(brief)) {
            return with(firstName, briefAbout, asked);
        }
        if (asked != null) {
            return with(firstName, about, null);
        }
        if (firstName != null) {
            return with(null, about, null);
        }
        return brief != null && !brief.equals(about) ? with(null, brief, null) : null;
    }

    private Letter with(String firstName, String about, String asked) {
        return new Letter(firstName, about, asked, apologyAsked, briefAbout, brief, reopened, regret, responsibility,
                repentance, forgiveness, makeGood, settleBy, proposed, answerBy, missedDate, movedUp, reason,
                settledReference, late, fixedLink, notFixedLink, sms);
    }

    public static Builder to(String firstName, String about) {
        return new Builder(firstName, about);
    }

    /** Letters are written piece by piece from different events; the builder keeps that readable. */
    public static final class Builder {
        private String firstName;
        private String about;
        private String asked;
        private boolean apologyAsked;
        private String briefAbout;
        private String brief;
        private boolean reopened;
        private boolean regret;
        private boolean responsibility;
        private boolean repentance;
        private boolean forgiveness;
        private String makeGood;
        private String settleBy;
        private String proposed;
        private String answerBy;
        private String missedDate;
        private boolean movedUp;
        private String reason;
        private String settledReference;
        private boolean late;
        private String fixedLink;
        private String notFixedLink;
        private boolean sms;

        private Builder(String firstName, String about) {
            this.firstName = firstName;
            this.about = about;
        }

        public Builder asked(String asked) {
            this.asked = asked;
            return this;
        }

        public Builder apologyAsked(boolean apologyAsked) {
            this.apologyAsked = apologyAsked;
            return this;
        }

        public Builder brief(String briefAbout, String brief) {
            this.briefAbout = briefAbout;
            this.brief = brief;
            return this;
        }

        public Builder reopened(boolean reopened) {
            this.reopened = reopened;
            return this;
        }

        public Builder regret(boolean regret) {
            this.regret = regret;
            return this;
        }

        public Builder responsibility(boolean responsibility) {
            this.responsibility = responsibility;
            return this;
        }

        public Builder repentance(boolean repentance) {
            this.repentance = repentance;
            return this;
        }

        public Builder forgiveness(boolean forgiveness) {
            this.forgiveness = forgiveness;
            return this;
        }

        public Builder makeGood(String makeGood) {
            this.makeGood = makeGood;
            return this;
        }

        public Builder settleBy(String settleBy) {
            this.settleBy = settleBy;
            return this;
        }

        public Builder proposed(String proposed) {
            this.proposed = proposed;
            return this;
        }

        public Builder answerBy(String answerBy) {
            this.answerBy = answerBy;
            return this;
        }

        public Builder missedDate(String missedDate) {
            this.missedDate = missedDate;
            return this;
        }

        public Builder movedUp(boolean movedUp) {
            this.movedUp = movedUp;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder settledReference(String settledReference) {
            this.settledReference = settledReference;
            return this;
        }

        public Builder late(boolean late) {
            this.late = late;
            return this;
        }

        public Builder fixedLink(String fixedLink) {
            this.fixedLink = fixedLink;
            return this;
        }

        public Builder notFixedLink(String notFixedLink) {
            this.notFixedLink = notFixedLink;
            return this;
        }

        public Builder sms(boolean sms) {
            this.sms = sms;
            return this;
        }

        public Letter build() {
            return new Letter(firstName, about, asked, apologyAsked, briefAbout, brief, reopened, regret,
                    responsibility, repentance, forgiveness, makeGood, settleBy, proposed, answerBy, missedDate,
                    movedUp, reason, settledReference, late, fixedLink, notFixedLink, sms);
        }
    }
}
