package dev.amends.review.drafting;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.caserecord.FactKind;
import dev.amends.review.matching.Match;
import dev.amends.review.matching.PostedReview;
import dev.amends.review.matching.ReviewMatcher;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reviews that wait for approval while their case record changes, and the draft before and after
 * each change, as the service README shows them: matched with the real matcher, drafted with the
 * real writer, in English and German.
 */
final class RecordChangeExamples {

    static final ResponseWriter WRITER = new ResponseWriter("Maya, Customer Care at Hearth & Home",
            URI.create("https://hearth.example/help"), ZoneId.of("Europe/Berlin"));
    private static final ReviewMatcher MATCHER = new ReviewMatcher(Duration.ofDays(60), Duration.ofDays(14));

    /** A review, the records it can be matched to before and after, and what changed, in words. */
    record Example(String title, PostedReview review, List<CaseSnapshot> before, List<CaseSnapshot> after,
            String change) {

        String draftBefore() {
            return draft(review, before);
        }

        String draftAfter() {
            return draft(review, after);
        }
    }

    private RecordChangeExamples() {
    }

    static String draft(PostedReview review, List<CaseSnapshot> records) {
        Match match = MATCHER.match(review, records);
        Optional<CaseSnapshot> record = records.stream().filter(r -> r.complaintId().equals(match.complaintId()))
                .findFirst();
        return WRITER.write(review, match, record).text();
    }

    private static CaseSnapshot.Fact fact(FactKind kind, String detail, String at) {
        return new CaseSnapshot.Fact(UUID.nameUUIDFromBytes((kind + detail + at).getBytes()), kind, detail,
                Instant.parse(at), "example");
    }

    private static CaseSnapshot caseOf(String id, String name, String order, ComplaintCategory category, Fault fault,
            String received, CaseSnapshot.Fact... facts) {
        return new CaseSnapshot(UUID.nameUUIDFromBytes(id.getBytes()), id, name, null, order, category, fault,
                Instant.parse(received), List.of(facts));
    }

    private static CaseSnapshot gained(CaseSnapshot record, CaseSnapshot.Fact... more) {
        List<CaseSnapshot.Fact> all = new ArrayList<>(record.facts());
        all.addAll(List.of(more));
        return record.withFacts(all);
    }

    static List<Example> all() {
        List<Example> examples = new ArrayList<>();

        CaseSnapshot priya = caseOf("CUST-2231", "Priya Shah", "HH-48213", ComplaintCategory.DELIVERY, Fault.COMPANY,
                "2026-03-04T09:12:00Z",
                fact(FactKind.REPLIED, MessageKind.ESCALATION_NOTICE.name(), "2026-03-04T09:14:00Z"),
                fact(FactKind.ESCALATED, "SUPERVISOR", "2026-03-04T09:13:00Z"));
        examples.add(new Example("An escalation decided while the draft waits",
                new PostedReview("GOOGLE", 1, "Priya S.", "Fridge came two weeks late and I never got my refund. "
                        + "They keep saying a supervisor will decide.", Instant.parse("2026-03-05T18:30:00Z"),
                        "HH-48213", null),
                List.of(priya),
                List.of(gained(priya, fact(FactKind.MAKE_GOOD_ISSUED, "REFUND", "2026-03-06T10:00:00Z"))),
                "the supervisor approved the refund on 6 March (`make-good.issued`)"));

        CaseSnapshot tom = caseOf("CUST-3307", "Tom Becker", "HH-50117", ComplaintCategory.PRODUCT, Fault.SHARED,
                "2026-03-12T08:00:00Z");
        examples.add(new Example("A review posted before its complaint reached us",
                new PostedReview("TRUSTPILOT", 2, "Tom Becker", "The kettle stopped working after a week and nobody "
                        + "even apologised.", Instant.parse("2026-03-11T07:45:00Z"), "HH-50117", null),
                List.of(),
                List.of(gained(tom, fact(FactKind.REPLIED, MessageKind.APOLOGY.name(), "2026-03-12T08:02:00Z"),
                        fact(FactKind.MAKE_GOOD_ISSUED, "REPLACEMENT", "2026-03-12T08:01:00Z"))),
                "the complaint with the order reference the platform gave arrived (`complaint.received`), with "
                        + "its apology and a replacement"));

        CaseSnapshot jana = caseOf("CUST-4410", "Jana Keller", "HH-77120", ComplaintCategory.DELIVERY, Fault.COMPANY,
                "2026-03-04T09:00:00Z", fact(FactKind.MAKE_GOOD_ISSUED, "REFUND", "2026-03-04T09:04:00Z"));
        examples.add(new Example("A refund paid out since (German)",
                new PostedReview("GOOGLE", 1, "Jana K.", "Das Paket kam zwei Wochen zu spät und mein Geld habe ich "
                        + "nie zurückbekommen.", Instant.parse("2026-03-08T20:00:00Z"), "HH-77120", null),
                List.of(jana),
                List.of(gained(jana, fact(FactKind.MAKE_GOOD_SETTLED, "REFUND", "2026-03-09T11:00:00Z"))),
                "the paying system confirmed the refund on 9 March (`make-good.settled`)"));

        CaseSnapshot marek = caseOf("CUST-5120", "Marek Nowak", "HH-61002", ComplaintCategory.BILLING, Fault.SHARED,
                "2026-03-02T12:00:00Z", fact(FactKind.ESCALATED, "MANAGER", "2026-03-02T12:01:00Z"));
        examples.add(new Example("An escalation declined, with reasons sent to the customer",
                new PostedReview("GOOGLE", 2, "Marek N.", "Charged twice for one subscription and still waiting to "
                        + "hear what they will do.", Instant.parse("2026-03-03T09:00:00Z"), "HH-61002", null),
                List.of(marek),
                List.of(gained(marek, fact(FactKind.ESCALATION_DECLINED, "MANAGER", "2026-03-04T15:00:00Z"))),
                "the manager declined the proposed make-good and wrote to the customer why (`escalation.declined`)"));

        CaseSnapshot lena = caseOf("CUST-6001", "Lena Fischer", "HH-70444", ComplaintCategory.PRODUCT, Fault.COMPANY,
                "2026-03-01T10:00:00Z", fact(FactKind.MAKE_GOOD_ISSUED, "REPLACEMENT", "2026-03-01T10:01:00Z"),
                fact(FactKind.REPLIED, MessageKind.APOLOGY.name(), "2026-03-01T10:02:00Z"));
        examples.add(new Example("The customer says it is not put right",
                new PostedReview("GOOGLE", 3, "Lena F.", "The lamp arrived cracked. They sent another one, we will "
                        + "see.", Instant.parse("2026-03-03T19:00:00Z"), "HH-70444", null),
                List.of(lena),
                List.of(gained(lena, fact(FactKind.FEEDBACK, "NOT_FIXED", "2026-03-05T08:00:00Z"))),
                "the customer answered the follow-up \"no, not yet\" (`feedback.received`)"));

        CaseSnapshot anna = caseOf("CUST-7002", "Anna Roth", "HH-80001", ComplaintCategory.DELIVERY, Fault.COMPANY,
                "2026-03-09T09:00:00Z", fact(FactKind.MAKE_GOOD_ISSUED, "ACCOUNT_CREDIT", "2026-03-09T09:01:00Z"));
        examples.add(new Example("Praise for a person, then the record shows the recovery",
                new PostedReview("GOOGLE", 5, "Anna R.", "My parcel went missing, but the lady on the phone was "
                        + "lovely and patient. Thank you!", Instant.parse("2026-03-10T12:00:00Z"), "HH-80001", null),
                List.of(),
                List.of(anna),
                "the complaint arrived, with the credit issued for the lost parcel"));
        return examples;
    }

    /** The README section, as the code writes it. */
    static String markdown() {
        return all().stream().map(e -> "**" + e.title() + ".** " + e.review().platform().charAt(0)
                + e.review().platform().substring(1).toLowerCase() + ", " + e.review().rating() + " star"
                + (e.review().rating() == 1 ? "" : "s") + ", " + e.review().authorName() + ":\n\n> "
                + e.review().text() + "\n\nDraft before:\n\n> " + e.draftBefore().replace("\n", "\n> ")
                + "\n\nThen " + e.change() + ". The draft is redrafted as a new version:\n\n> "
                + e.draftAfter().replace("\n", "\n> ") + "\n").collect(Collectors.joining("\n"));
    }
}
