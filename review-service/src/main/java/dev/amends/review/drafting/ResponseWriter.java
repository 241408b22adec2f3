package dev.amends.review.drafting;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.caserecord.FactKind;
import dev.amends.review.language.ReviewLanguage;
import dev.amends.review.matching.Match;
import dev.amends.review.matching.PostedReview;
import dev.amends.review.matching.ReviewTopic;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Drafts the public response to a review from rules and the sentences in
 * {@code drafting/sentences*.properties}, in the review's language: no model, no randomness, so the
 * same review and record always give the same draft and every sentence names the rule that wrote it.
 *
 * <p>Only a match that is a fact (strong, or confirmed by a person) lets the record in: its fault
 * decides the apology, and its facts answer what the reviewer says we did not do. What the record
 * gained after the review was written is said as such ("since you wrote this"). A draft never
 * states an amount, a contact detail or what was ordered; the public check makes sure of it.
 */
public final class ResponseWriter {

    private static final Set<MessageKind> APOLOGIES = EnumSet.of(MessageKind.APOLOGY, MessageKind.ESCALATION_NOTICE,
            MessageKind.ESCALATION_DECLINED);
    private static final Set<Claim> ABOUT_MAKE_GOODS = EnumSet.of(Claim.NO_REFUND, Claim.NO_COMPENSATION,
            Claim.NO_REPLACEMENT);
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String signature;
    private final URI contactUrl;
    private final ZoneId zone;

    public ResponseWriter(String signature, URI contactUrl, ZoneId zone) {
        this.signature = signature;
        this.contactUrl = contactUrl;
        this.zone = zone;
    }

    /** The sentences of one language, and how that language writes a date. */
    private record Voice(ResourceBundle sentences, Locale locale, DateTimeFormatter dates, ZoneId zone) {

        static Voice of(ReviewLanguage language, ZoneId zone) {
            Locale locale = language.locale();
            String bundle = language == ReviewLanguage.EN ? "drafting.sentences" : "drafting.sentences_"
                    + locale.getLanguage();
            return new Voice(ResourceBundle.getBundle(bundle, Locale.ROOT, NO_FALLBACK), locale,
                    DateTimeFormatter.ofPattern(language == ReviewLanguage.DE ? "d. MMMM yyyy" : "d MMMM yyyy",
                            locale), zone);
        }

        String say(String key, Object... arguments) {
            return new MessageFormat(sentences.getString(key), locale).format(arguments);
        }

        String date(Instant at) {
            return dates.format(at.atZone(zone));
        }
    }

    /** {@code record} is the matched case record; it is used only when the match is a fact. */
    public Draft write(PostedReview review, Match match, Optional<CaseSnapshot> record) {
        Voice voice = Voice.of(review.language(), zone);
        Optional<CaseSnapshot> facts = match.strength().isFact() ? record : Optional.empty();
        List<Sentence> sentences = new ArrayList<>();
        String name = review.greetingName();
        if (name.isBlank() || !name.matches("[\\p{L}'.-]+")) {
            sentences.add(new Sentence(voice.say("greeting.anonymous"), "greeting",
                    "the reviewer shows no first name to greet"));
        } else {
            sentences.add(new Sentence(voice.say("greeting", name), "greeting", "the reviewer's shown first name"));
        }
        List<Counterpoint> counterpoints = new ArrayList<>();
        if (review.rating() >= 4) {
            good(review, facts, voice, sentences);
        } else {
            poor(review, match, facts, voice, sentences, counterpoints);
        }
        sentences.add(new Sentence(voice.say("sign-off", signature), "sign-off", "amends.review.drafting.signature"));
        return new Draft(sentences, counterpoints);
    }

    /** Thanks for what the reviewer praised, and for the recovery when the record shows one. */
    private void good(PostedReview review, Optional<CaseSnapshot> facts, Voice voice, List<Sentence> sentences) {
        List<Praise> praised = Praise.in(review.text());
        if (praised.isEmpty()) {
            sentences.add(new Sentence(voice.say("thanks.OTHER"), "thanks",
                    "a " + review.rating() + "-star review that praises nothing we can name"));
        } else {
            String what = praised.stream().map(p -> voice.say("praise." + p)).collect(Collectors.joining(
                    voice.say("praise.and")));
            sentences.add(new Sentence(voice.say("thanks.praised", what), "thanks", "a " + review.rating()
                    + "-star review praising " + praised.stream().map(p -> p.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(" and "))));
        }
        boolean putRight = facts.map(f -> latest(f, FactKind.MAKE_GOOD_ISSUED).isPresent()
                && !notFixedSince(f, latest(f, FactKind.MAKE_GOOD_ISSUED).get())).orElse(false);
        if (putRight && !praised.contains(Praise.RECOVERY)) {
            sentences.add(new Sentence(voice.say("thanks.recovery"), "thanks.recovery",
                    "the record shows a make-good issued after the customer's complaint"));
        }
        sentences.add(praised.contains(Praise.PEOPLE)
                ? new Sentence(voice.say("pass-on.people"), "pass-on", "the reviewer praised the people who helped")
                : new Sentence(voice.say("pass-on"), "pass-on", "good reviews reach the team"));
    }

    private void poor(PostedReview review, Match match, Optional<CaseSnapshot> facts, Voice voice,
            List<Sentence> sentences, List<Counterpoint> counterpoints) {
        ComplaintCategory topic = topic(review, facts);
        Fault fault = facts.map(CaseSnapshot::fault).orElse(Fault.UNKNOWN);
        String faultSource = facts.isPresent() ? "the case record says the fault is " + fault
                : "no case record to go on, so the fault is unknown";
        sentences.add(new Sentence(voice.say("acknowledge." + topic), "acknowledge",
                "a " + review.rating() + "-star review" + about(topic)));
        sentences.add(new Sentence(voice.say("regret." + topic), "apology.regret", "every fault: " + faultSource));
        if (fault == Fault.COMPANY) {
            sentences.add(new Sentence(voice.say("responsibility"), "apology.responsibility", faultSource));
        }
        if (facts.isPresent()) {
            for (Claim.Found found : Claim.in(review.text())) {
                counterpoint(found, review, facts.get(), voice)
                        .map(c -> counterpoints.isEmpty() ? c : also(c, voice)).ifPresent(c -> {
                            counterpoints.add(c);
                            sentences.add(c.sinceReview()
                                    ? new Sentence(c.statement(), "since-you-wrote." + found.claim().slug(),
                                            "the review says \"" + found.words()
                                                    + "\" and the record shows it was done since")
                                    : new Sentence(c.statement(), "counterpoint." + found.claim().slug(),
                                            "the review says \"" + found.words()
                                                    + "\" and the record shows otherwise"));
                        });
            }
        }
        boolean makeGoodStated = counterpoints.stream().anyMatch(c -> ABOUT_MAKE_GOODS.contains(c.claim()));
        restitution(review, facts, voice, makeGoodStated, counterpoints.stream().anyMatch(Counterpoint::sinceReview))
                .ifPresent(sentences::add);
        if (fault == Fault.COMPANY) {
            sentences.add(new Sentence(voice.say("repentance." + topic), "apology.repentance", faultSource));
        } else if (fault != Fault.CUSTOMER) {
            sentences.add(new Sentence(voice.say("look-into"), "apology.repentance", faultSource
                    + ": we say what we will look into"));
        }
        if (fault == Fault.COMPANY) {
            sentences.add(new Sentence(voice.say("forgiveness"), "apology.forgiveness", faultSource));
        }
        sentences.add(facts.isPresent()
                ? new Sentence(voice.say("invite.matched", contactUrl), "invite-offline", "matched to a case: "
                        + match.reason())
                : new Sentence(voice.say("invite.unmatched", contactUrl), "invite-offline",
                        "no case we can rely on: " + match.reason()));
    }

    /**
     * Where the recovery stands, as the newest fact of the record says: not put right yet (the
     * customer said so since), made good, declined by the person it went to, or still with them.
     * A make-good a counterpoint already stated is not said twice.
     */
    private Optional<Sentence> restitution(PostedReview review, Optional<CaseSnapshot> facts, Voice voice,
            boolean makeGoodStated, boolean counterpointsSince) {
        if (facts.isEmpty()) {
            return Optional.of(new Sentence(voice.say("restitution.offered"), "apology.restitution",
                    "no case record to go on"));
        }
        CaseSnapshot record = facts.get();
        Instant wrote = review.writtenAt();
        Optional<CaseSnapshot.Fact> issued = latest(record, FactKind.MAKE_GOOD_ISSUED);
        Optional<CaseSnapshot.Fact> declined = latest(record, FactKind.ESCALATION_DECLINED);
        Optional<CaseSnapshot.Fact> escalated = latest(record, FactKind.ESCALATED);
        Optional<CaseSnapshot.Fact> settledRecovery = issued.isPresent() ? issued : declined;
        if (settledRecovery.isPresent() && notFixedSince(record, settledRecovery.get())) {
            return Optional.of(new Sentence(voice.say("restitution.not-yet"), "apology.restitution",
                    "the customer answered the follow-up that it is not put right yet"));
        }
        if (issued.isPresent()) {
            if (makeGoodStated) {
                return Optional.empty();
            }
            boolean since = record.facts().stream().noneMatch(f -> f.kind() == FactKind.MAKE_GOOD_ISSUED
                    && !f.occurredAt().isAfter(wrote));
            // After a "since you wrote this" counterpoint, a second one would open the same way again.
            String sinceKey = counterpointsSince ? "restitution.given.since.also" : "restitution.given.since";
            return Optional.of(since
                    ? new Sentence(voice.say(sinceKey), "since-you-wrote.restitution",
                            "the record shows a make-good issued after the review was written; what it was stays private")
                    : new Sentence(voice.say("restitution.given"), "apology.restitution",
                            "the record shows a make-good was issued; what it was stays private"));
        }
        if (declined.isPresent()) {
            return Optional.of(declined.get().occurredAt().isAfter(wrote)
                    ? new Sentence(voice.say("restitution.declined.since"), "since-you-wrote.restitution",
                            "the escalation was decided after the review was written: the make-good was declined, "
                                    + "with reasons sent to the customer")
                    : new Sentence(voice.say("restitution.declined"), "apology.restitution",
                            "the escalation was decided: the make-good was declined, with reasons sent to the customer"));
        }
        if (escalated.isPresent()) {
            return Optional.of(new Sentence(voice.say("restitution.escalated"), "apology.restitution",
                    "the make-good is with a person above automatic authority, not yet decided"));
        }
        return Optional.of(new Sentence(voice.say("restitution.offered"), "apology.restitution",
                "no make-good in the record yet"));
    }

    /** The customer said "not fixed yet" after this fact, and has not said "fixed" since. */
    private static boolean notFixedSince(CaseSnapshot record, CaseSnapshot.Fact after) {
        return latest(record, FactKind.FEEDBACK).filter(f -> !f.occurredAt().isBefore(after.occurredAt()))
                .map(f -> "NOT_FIXED".equals(f.detail())).orElse(false);
    }

    private Optional<Counterpoint> counterpoint(Claim.Found found, PostedReview review, CaseSnapshot record,
            Voice voice) {
        Instant wrote = review.writtenAt();
        switch (found.claim()) {
            case NO_REFUND:
                return madeGood(found, record, wrote, MakeGoodKind.REFUND, "counterpoint.no-refund", voice);
            case NO_REPLACEMENT:
                return madeGood(found, record, wrote, MakeGoodKind.REPLACEMENT, "counterpoint.no-replacement", voice);
            case NO_COMPENSATION:
                return compensation(found, record, wrote, voice);
            case NO_REPLY:
                return written(record, wrote, f -> true).map(reply -> reply.occurredAt().isAfter(wrote)
                        ? new Counterpoint(found.claim(), found.words(), voice.say("since-you-wrote",
                                voice.say("replied.since")), true, List.of(evidence(record, reply)))
                        : new Counterpoint(found.claim(), found.words(), replied(record, reply, voice), false,
                                List.of(evidence(record, reply))));
            case NO_APOLOGY:
                return written(record, wrote, f -> APOLOGIES.contains(MessageKind.valueOf(f.detail())))
                        .map(apology -> apology.occurredAt().isAfter(wrote)
                                ? new Counterpoint(found.claim(), found.words(), voice.say("since-you-wrote",
                                        voice.say("apologised.since")), true, List.of(evidence(record, apology)))
                                : new Counterpoint(found.claim(), found.words(), voice.say("counterpoint.no-apology",
                                        voice.date(apology.occurredAt())), false, List.of(evidence(record, apology))));
            default:
                return Optional.empty();
        }
    }

    /**
     * The first message to the customer about this complaint that answers the claim: before the
     * review if there was one (a correction), otherwise the first since (what was done since).
     */
    private static Optional<CaseSnapshot.Fact> written(CaseSnapshot record, Instant wrote,
            Predicate<CaseSnapshot.Fact> which) {
        Predicate<CaseSnapshot.Fact> message = f -> f.kind() == FactKind.REPLIED
                && (record.receivedAt() == null || !f.occurredAt().isBefore(record.receivedAt())) && which.test(f);
        return first(record, message.and(f -> !f.occurredAt().isAfter(wrote))).or(() -> first(record, message));
    }

    /** A refund or replacement: issued before the review (and settled, if it was), or since. */
    private Optional<Counterpoint> madeGood(Claim.Found found, CaseSnapshot record, Instant wrote, MakeGoodKind kind,
            String key, Voice voice) {
        Optional<CaseSnapshot.Fact> issued = first(record, f -> f.kind() == FactKind.MAKE_GOOD_ISSUED
                && kind.name().equals(f.detail()));
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        if (issued.get().occurredAt().isAfter(wrote)) {
            return Optional.of(new Counterpoint(found.claim(), found.words(),
                    voice.say("since-you-wrote", voice.say("make-good." + kind)), true,
                    List.of(evidence(record, issued.get()))));
        }
        Optional<CaseSnapshot.Fact> settled = first(record, f -> f.kind() == FactKind.MAKE_GOOD_SETTLED
                && kind.name().equals(f.detail()));
        if (settled.isPresent()) {
            // Paid out after the review: the reviewer had not had it when they wrote, and we say so.
            boolean since = settled.get().occurredAt().isAfter(wrote);
            String settledKey = key + (since ? ".settled.since" : ".settled");
            String statement = voice.say(settledKey, voice.date(issued.get().occurredAt()),
                    voice.date(settled.get().occurredAt()));
            return Optional.of(new Counterpoint(found.claim(), found.words(), statement, since,
                    List.of(evidence(record, issued.get()), evidence(record, settled.get()))));
        }
        return Optional.of(new Counterpoint(found.claim(), found.words(),
                voice.say(key, voice.date(issued.get().occurredAt())), false, List.of(evidence(record, issued.get()))));
    }

    private Optional<Counterpoint> compensation(Claim.Found found, CaseSnapshot record, Instant wrote, Voice voice) {
        List<CaseSnapshot.Fact> issued = record.facts().stream().filter(f -> f.kind() == FactKind.MAKE_GOOD_ISSUED)
                .sorted(Comparator.comparing(CaseSnapshot.Fact::occurredAt)).toList();
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        List<CaseSnapshot.Fact> before = issued.stream().filter(f -> !f.occurredAt().isAfter(wrote)).toList();
        List<CaseSnapshot.Fact> stated = before.isEmpty() ? issued : before;
        String what = stated.stream().map(f -> voice.say("make-good." + f.detail())).distinct()
                .collect(Collectors.joining(voice.say("and")));
        String statement = before.isEmpty() ? voice.say("since-you-wrote", what)
                : voice.say("counterpoint.no-compensation", what, voice.date(stated.get(0).occurredAt()));
        return Optional.of(new Counterpoint(found.claim(), found.words(), statement, before.isEmpty(),
                stated.stream().map(f -> evidence(record, f)).toList()));
    }

    /** A second correction reads on from the first rather than opening the same way again. */
    private static Counterpoint also(Counterpoint c, Voice voice) {
        String opening = voice.say("records-show");
        return c.statement().startsWith(opening)
                ? new Counterpoint(c.claim(), c.reviewerSaid(), voice.say("records-also-show")
                        + c.statement().substring(opening.length()), c.sinceReview(), c.evidence())
                : c;
    }

    private String replied(CaseSnapshot record, CaseSnapshot.Fact reply, Voice voice) {
        if (record.receivedAt() == null) {
            return voice.say("counterpoint.no-reply", voice.date(reply.occurredAt()));
        }
        long days = ChronoUnit.DAYS.between(record.receivedAt().atZone(zone).toLocalDate(),
                reply.occurredAt().atZone(zone).toLocalDate());
        if (days <= 0) {
            return voice.say("counterpoint.no-reply.same-day", voice.date(reply.occurredAt()));
        }
        return days == 1 ? voice.say("counterpoint.no-reply.next-day", voice.date(reply.occurredAt()))
                : voice.say("counterpoint.no-reply.later", voice.date(reply.occurredAt()), days);
    }

    private static Optional<CaseSnapshot.Fact> first(CaseSnapshot record, Predicate<CaseSnapshot.Fact> which) {
        return record.facts().stream().filter(which).min(Comparator.comparing(CaseSnapshot.Fact::occurredAt));
    }

    private static Optional<CaseSnapshot.Fact> latest(CaseSnapshot record, FactKind kind) {
        return record.facts().stream().filter(f -> f.kind() == kind).max(Comparator.comparing(CaseSnapshot.Fact::occurredAt));
    }

    private static Evidence evidence(CaseSnapshot record, CaseSnapshot.Fact fact) {
        return new Evidence(fact.id(), fact.kind(), fact.detail(), fact.occurredAt(), fact.source(),
                "/api/v1/case-records/" + record.complaintId() + "#fact-" + fact.id());
    }

    private static ComplaintCategory topic(PostedReview review, Optional<CaseSnapshot> facts) {
        return facts.map(CaseSnapshot::category).filter(c -> c != null)
                .or(() -> ReviewTopic.of(review.text()))
                .orElse(ComplaintCategory.OTHER);
    }

    private static String about(ComplaintCategory topic) {
        return topic == ComplaintCategory.OTHER ? "" : " about " + topic.name().toLowerCase(Locale.ROOT);
    }
}
