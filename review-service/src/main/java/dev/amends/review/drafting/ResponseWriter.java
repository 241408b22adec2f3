package dev.amends.review.drafting;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.caserecord.FactKind;
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
 * {@code drafting/sentences.properties}: no model, no randomness, so the same review and record
 * always give the same draft and every sentence names the rule that wrote it.
 *
 * <p>Only a match that is a fact (strong, or confirmed by a person) lets the record in: its fault
 * decides the apology, and its facts answer what the reviewer says we did not do. A draft never
 * states an amount, a contact detail or what was ordered; the public check makes sure of it.
 */
public final class ResponseWriter {

    private static final Set<MessageKind> APOLOGIES = EnumSet.of(MessageKind.APOLOGY, MessageKind.ESCALATION_NOTICE,
            MessageKind.ESCALATION_DECLINED);
    private static final Set<Claim> ABOUT_MAKE_GOODS = EnumSet.of(Claim.NO_REFUND, Claim.NO_COMPENSATION,
            Claim.NO_REPLACEMENT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final ResourceBundle SENTENCES = ResourceBundle.getBundle("drafting.sentences", Locale.ROOT);

    private final String signature;
    private final URI contactUrl;
    private final ZoneId zone;

    public ResponseWriter(String signature, URI contactUrl, ZoneId zone) {
        this.signature = signature;
        this.contactUrl = contactUrl;
        this.zone = zone;
    }

    /** {@code record} is the matched case record; it is used only when the match is a fact. */
    public Draft write(PostedReview review, Match match, Optional<CaseSnapshot> record) {
        Optional<CaseSnapshot> facts = match.strength().isFact() ? record : Optional.empty();
        ComplaintCategory topic = topic(review, facts);
        List<Sentence> sentences = new ArrayList<>();
        String name = review.greetingName();
        if (name.isBlank() || !name.matches("[\\p{L}'.-]+")) {
            sentences.add(new Sentence(say("greeting.anonymous"), "greeting",
                    "the reviewer shows no first name to greet"));
        } else {
            sentences.add(new Sentence(say("greeting", name), "greeting", "the reviewer's shown first name"));
        }
        List<Counterpoint> counterpoints = new ArrayList<>();
        if (review.rating() >= 4) {
            sentences.add(new Sentence(say("thanks." + topic), "thanks", "a " + review.rating() + "-star review"
                    + about(topic)));
            sentences.add(new Sentence(say("pass-on"), "pass-on", "good reviews reach the team"));
        } else {
            poor(review, match, facts, topic, sentences, counterpoints);
        }
        sentences.add(new Sentence(say("sign-off", signature), "sign-off", "amends.review.drafting.signature"));
        return new Draft(sentences, counterpoints);
    }

    private void poor(PostedReview review, Match match, Optional<CaseSnapshot> facts, ComplaintCategory topic,
            List<Sentence> sentences, List<Counterpoint> counterpoints) {
        Fault fault = facts.map(CaseSnapshot::fault).orElse(Fault.UNKNOWN);
        String faultSource = facts.isPresent() ? "the case record says the fault is " + fault
                : "no case record to go on, so the fault is unknown";
        sentences.add(new Sentence(say("acknowledge." + topic), "acknowledge",
                "a " + review.rating() + "-star review" + about(topic)));
        sentences.add(new Sentence(say("regret." + topic), "apology.regret", "every fault: " + faultSource));
        if (fault == Fault.COMPANY) {
            sentences.add(new Sentence(say("responsibility"), "apology.responsibility", faultSource));
        }
        if (facts.isPresent()) {
            for (Claim.Found found : Claim.in(review.text())) {
                counterpoint(found, review, facts.get()).map(c -> counterpoints.isEmpty() ? c : also(c)).ifPresent(c -> {
                    counterpoints.add(c);
                    sentences.add(c.sinceReview()
                            ? new Sentence(c.statement(), "since-you-wrote." + found.claim().slug(),
                                    "the review says \"" + found.words() + "\" and the record shows it was done since")
                            : new Sentence(c.statement(), "counterpoint." + found.claim().slug(),
                                    "the review says \"" + found.words() + "\" and the record shows otherwise"));
                });
            }
        }
        boolean makeGoodStated = counterpoints.stream().anyMatch(c -> ABOUT_MAKE_GOODS.contains(c.claim()));
        boolean given = facts.map(f -> f.facts().stream().anyMatch(x -> x.kind() == FactKind.MAKE_GOOD_ISSUED))
                .orElse(false);
        if (given && !makeGoodStated) {
            sentences.add(new Sentence(say("restitution.given"), "apology.restitution",
                    "the record shows a make-good was issued; what it was stays private"));
        } else if (!given) {
            sentences.add(new Sentence(say("restitution.offered"), "apology.restitution",
                    facts.isPresent() ? "no make-good in the record yet" : "no case record to go on"));
        }
        if (fault == Fault.COMPANY) {
            sentences.add(new Sentence(say("repentance." + topic), "apology.repentance", faultSource));
        } else if (fault != Fault.CUSTOMER) {
            sentences.add(new Sentence(say("look-into"), "apology.repentance", faultSource
                    + ": we say what we will look into"));
        }
        if (fault == Fault.COMPANY) {
            sentences.add(new Sentence(say("forgiveness"), "apology.forgiveness", faultSource));
        }
        sentences.add(facts.isPresent()
                ? new Sentence(say("invite.matched", contactUrl), "invite-offline", "matched to a case: "
                        + match.reason())
                : new Sentence(say("invite.unmatched", contactUrl), "invite-offline",
                        "no case we can rely on: " + match.reason()));
    }

    private Optional<Counterpoint> counterpoint(Claim.Found found, PostedReview review, CaseSnapshot record) {
        Instant wrote = review.writtenAt();
        switch (found.claim()) {
            case NO_REFUND:
                return madeGood(found, record, wrote, MakeGoodKind.REFUND, "counterpoint.no-refund");
            case NO_REPLACEMENT:
                return madeGood(found, record, wrote, MakeGoodKind.REPLACEMENT, "counterpoint.no-replacement");
            case NO_COMPENSATION:
                return compensation(found, record, wrote);
            case NO_REPLY:
                return first(record, f -> f.kind() == FactKind.REPLIED
                        && (record.receivedAt() == null || !f.occurredAt().isBefore(record.receivedAt()))
                        && !f.occurredAt().isAfter(wrote))
                        .map(reply -> new Counterpoint(found.claim(), found.words(), replied(record, reply), false,
                                List.of(evidence(record, reply))));
            case NO_APOLOGY:
                return first(record, f -> f.kind() == FactKind.REPLIED && APOLOGIES.contains(MessageKind.valueOf(f.detail()))
                        && !f.occurredAt().isAfter(wrote))
                        .map(apology -> new Counterpoint(found.claim(), found.words(),
                                say("counterpoint.no-apology", date(apology.occurredAt())), false,
                                List.of(evidence(record, apology))));
            default:
                return Optional.empty();
        }
    }

    /** A refund or replacement: issued before the review (and settled, if it was), or since. */
    private Optional<Counterpoint> madeGood(Claim.Found found, CaseSnapshot record, Instant wrote, MakeGoodKind kind,
            String key) {
        Optional<CaseSnapshot.Fact> issued = first(record, f -> f.kind() == FactKind.MAKE_GOOD_ISSUED
                && kind.name().equals(f.detail()));
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        if (issued.get().occurredAt().isAfter(wrote)) {
            return Optional.of(new Counterpoint(found.claim(), found.words(),
                    say("since-you-wrote", say("make-good." + kind)), true, List.of(evidence(record, issued.get()))));
        }
        Optional<CaseSnapshot.Fact> settled = first(record, f -> f.kind() == FactKind.MAKE_GOOD_SETTLED
                && kind.name().equals(f.detail()) && !f.occurredAt().isAfter(wrote));
        if (settled.isPresent()) {
            String statement = kind == MakeGoodKind.REFUND
                    ? say(key + ".settled", date(issued.get().occurredAt()), date(settled.get().occurredAt()))
                    : say(key + ".settled", date(settled.get().occurredAt()));
            return Optional.of(new Counterpoint(found.claim(), found.words(), statement, false,
                    List.of(evidence(record, issued.get()), evidence(record, settled.get()))));
        }
        return Optional.of(new Counterpoint(found.claim(), found.words(), say(key, date(issued.get().occurredAt())),
                false, List.of(evidence(record, issued.get()))));
    }

    private Optional<Counterpoint> compensation(Claim.Found found, CaseSnapshot record, Instant wrote) {
        List<CaseSnapshot.Fact> issued = record.facts().stream().filter(f -> f.kind() == FactKind.MAKE_GOOD_ISSUED)
                .sorted(Comparator.comparing(CaseSnapshot.Fact::occurredAt)).toList();
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        List<CaseSnapshot.Fact> before = issued.stream().filter(f -> !f.occurredAt().isAfter(wrote)).toList();
        List<CaseSnapshot.Fact> stated = before.isEmpty() ? issued : before;
        String what = stated.stream().map(f -> say("make-good." + f.detail())).distinct()
                .collect(Collectors.joining(" and "));
        String statement = before.isEmpty() ? say("since-you-wrote", what)
                : say("counterpoint.no-compensation", what, date(stated.get(0).occurredAt()));
        return Optional.of(new Counterpoint(found.claim(), found.words(), statement, before.isEmpty(),
                stated.stream().map(f -> evidence(record, f)).toList()));
    }

    /** A second correction reads on from the first rather than opening the same way again. */
    private static Counterpoint also(Counterpoint c) {
        String opening = "Our records show that ";
        return c.statement().startsWith(opening)
                ? new Counterpoint(c.claim(), c.reviewerSaid(), "They also show that "
                        + c.statement().substring(opening.length()), c.sinceReview(), c.evidence())
                : c;
    }

    private String replied(CaseSnapshot record, CaseSnapshot.Fact reply) {
        if (record.receivedAt() == null) {
            return say("counterpoint.no-reply", date(reply.occurredAt()));
        }
        long days = ChronoUnit.DAYS.between(record.receivedAt().atZone(zone).toLocalDate(),
                reply.occurredAt().atZone(zone).toLocalDate());
        if (days <= 0) {
            return say("counterpoint.no-reply.same-day", date(reply.occurredAt()));
        }
        return days == 1 ? say("counterpoint.no-reply.next-day", date(reply.occurredAt()))
                : say("counterpoint.no-reply.later", date(reply.occurredAt()), days);
    }

    private static Optional<CaseSnapshot.Fact> first(CaseSnapshot record, Predicate<CaseSnapshot.Fact> which) {
        return record.facts().stream().filter(which).min(Comparator.comparing(CaseSnapshot.Fact::occurredAt));
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

    private String date(Instant at) {
        return DATE.format(at.atZone(zone));
    }

    private static String say(String key, Object... arguments) {
        return new MessageFormat(SENTENCES.getString(key), Locale.ENGLISH).format(arguments);
    }
}
