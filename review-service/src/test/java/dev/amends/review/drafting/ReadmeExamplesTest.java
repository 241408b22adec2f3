package dev.amends.review.drafting;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.caserecord.FactKind;
import dev.amends.review.matching.Match;
import dev.amends.review.matching.PostedReview;
import dev.amends.review.matching.ReviewMatcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The example reviews in the service README, with the drafts this code writes for them. */
class ReadmeExamplesTest {

    private final ResponseWriter writer = new ResponseWriter("Maya, Customer Care at Hearth & Home",
            URI.create("https://hearth.example/help"), ZoneId.of("Europe/Berlin"));
    private final ReviewMatcher matcher = new ReviewMatcher(Duration.ofDays(60), Duration.ofDays(14));

    private static CaseSnapshot.Fact fact(FactKind kind, Enum<?> detail, String at) {
        return new CaseSnapshot.Fact(UUID.randomUUID(), kind, detail.name(), Instant.parse(at), "example");
    }

    private final CaseSnapshot priya = new CaseSnapshot(UUID.randomUUID(), "CUST-2231", "Priya Shah",
            "priya.shah@example.com", "HH-48213", ComplaintCategory.DELIVERY, Fault.COMPANY,
            Instant.parse("2026-03-04T09:12:00Z"), List.of(
                    fact(FactKind.REPLIED, MessageKind.APOLOGY, "2026-03-04T09:14:00Z"),
                    fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-04T09:13:00Z"),
                    fact(FactKind.MAKE_GOOD_SETTLED, MakeGoodKind.REFUND, "2026-03-06T15:40:00Z")));
    private final CaseSnapshot tom = new CaseSnapshot(UUID.randomUUID(), "CUST-3307", "Tom Becker",
            "tom.becker@example.com", "HH-50117", ComplaintCategory.PRODUCT, Fault.SHARED,
            Instant.parse("2026-03-09T14:00:00Z"), List.of());

    private String draft(PostedReview review) {
        Match match = matcher.match(review, List.of(priya, tom));
        Optional<CaseSnapshot> record = Optional.ofNullable(match.complaintId())
                .map(id -> id.equals(priya.complaintId()) ? priya : tom);
        return writer.write(review, match, record).text();
    }

    static final PostedReview MISSTATED = new PostedReview("GOOGLE", 1, "Priya S.", "Ordered a fridge for the 3rd, "
            + "it came on the 17th. Nobody answered my emails and I never got my refund for the delivery fee. Avoid.",
            Instant.parse("2026-03-20T18:30:00Z"), "HH-48213", null);
    static final PostedReview SUGGESTED = new PostedReview("TRUSTPILOT", 2, "Tom B.", "The kettle stopped working "
            + "after a week. Support sorted it in the end, but I waited on hold for 40 minutes to get there.",
            Instant.parse("2026-03-12T07:45:00Z"), null, null);
    static final PostedReview PRAISE = new PostedReview("GOOGLE", 5, "Jonas", "Arrived a day early and the courier "
            + "carried it up three flights of stairs. Great delivery.", Instant.parse("2026-03-14T11:00:00Z"),
            null, null);

    @Test
    void theReadmeShowsTheDraftsThisCodeWritesForItsExamples() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (PostedReview review : List.of(MISSTATED, SUGGESTED, PRAISE)) {
            String draft = draft(review);
            assertTrue(readme.contains(review.text()), "README lacks the review: " + review.text());
            assertTrue(readme.contains(draft.replace("\n", "\n> ")), "README lacks the draft:\n" + draft);
        }
    }

    /** Written to target as well, so that a changed sentence is pasted into the README, not retyped. */
    @Test
    void theReadmeShowsEachExampleDraftBeforeAndAfterItsRecordChanged() throws IOException {
        String section = RecordChangeExamples.markdown();
        Files.writeString(Path.of("target", "readme-record-changes.md"), section);
        assertTrue(Files.readString(Path.of("README.md")).contains(section),
                "README lacks the record-change examples as the code writes them; see target/readme-record-changes.md");
        for (RecordChangeExamples.Example example : RecordChangeExamples.all()) {
            assertNotEquals(example.draftBefore(), example.draftAfter(), example.title());
        }
    }
}
