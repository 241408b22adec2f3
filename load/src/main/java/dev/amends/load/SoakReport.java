package dev.amends.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a soak found, in Markdown, and the list of what went wrong: a non-empty list fails the run.
 */
final class SoakReport {

    private final StringBuilder markdown = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    SoakReport(int rate, int seconds, Instant started, Instant loadEnded, Instant ended, List<OpenLoad.Post> posts,
            NotifiedListener notified, Map<String, Instant> caughtUp, Map<String, Long> lagAtEnd,
            PlatformState.Counts before, PlatformState.Counts after, Approvers approvers, FollowUpAnswers answers,
            ReviewOutcomes reviews, Reviewer reviewer) {
        long accepted = posts.stream().filter(p -> p.complaintId() != null && p.status() == 201).count();
        long busy = posts.stream().filter(p -> p.status() == 503).count();
        long told = posts.stream().filter(p -> p.complaintId() != null && notified.notifiedAt(p.complaintId()) != null)
                .count();
        PlatformState.Counts during = after.minus(before);

        line("# Soak: " + rate + " complaints/s for " + seconds + " s");
        line("");
        line("`load/run-load.sh --soak " + seconds + " --rate " + rate + "`, started " + started + " after a warm-up "
                + "at the same rate that is not counted; the load ended "
                + "after " + Duration.between(started, loadEnded).toSeconds() + " s and the run "
                + Duration.between(started, ended).toSeconds() + " s after it started.");
        line("");
        line("## Complaints");
        line("");
        line("| offered | accepted (201) | refused busy (503) | other | customers told |");
        line("|---|---|---|---|---|");
        line("| " + posts.size() + " | " + accepted + " | " + busy + " | " + (posts.size() - accepted - busy) + " | "
                + told + " |");
        check(told == accepted, (accepted - told) + " accepted complaints' customers were never told");
        line("");
        line("## Consumers");
        line("");
        line("| consumer group | lag at the end | lag back to 0 after the load ended |");
        line("|---|---|---|");
        for (Map.Entry<String, Long> group : lagAtEnd.entrySet()) {
            Instant zero = caughtUp.get(group.getKey());
            line("| " + group.getKey() + " | " + group.getValue() + " | "
                    + (zero == null ? "**never**" : Math.max(0, Duration.between(loadEnded, zero).toSeconds()) + " s")
                    + " |");
            check(group.getValue() == 0 && zero != null, group.getKey() + " still had a lag of " + group.getValue());
        }
        line("");
        line("| during the run | count |");
        line("|---|---|");
        line("| batches split: transaction timeout | " + (long) during.timeouts() + " |");
        line("| batches split: deadlock or serialization conflict | " + (long) during.conflicts() + " |");
        line("| events dead-lettered (services' count) | " + (long) during.deadLettered() + " |");
        line("| records on dead-letter topics (brokers' count) | " + during.deadLetterRecords() + " |");
        line("| PostgreSQL deadlocks (pg_stat_database) | " + during.deadlocks() + " |");
        line("| PostgreSQL transactions per accepted complaint | "
                + String.format("%.1f", during.transactions() / (double) Math.max(1, accepted)) + " |");
        check(during.timeouts() == 0, (long) during.timeouts() + " batch transactions ran out of time");
        check(during.conflicts() == 0 && during.deadlocks() == 0, (long) during.conflicts()
                + " batches lost a conflict, " + during.deadlocks() + " deadlocks in PostgreSQL");
        check(during.deadLettered() == 0 && during.deadLetterRecords() == 0, during.deadLetterRecords()
                + " records went to dead-letter topics");
        line("");
        line("## Escalations answered through the API");
        line("");
        List<Approvers.Answer> decided = approvers.answers();
        List<Approvers.Answer> untold = approvers.untold(notified);
        line("| level and answer | count |");
        line("|---|---|");
        new TreeMap<>(approvers.byLevel()).forEach((what, count) -> line("| " + what + " | " + count + " |"));
        line("");
        line(decided.size() + " answered by " + decided.stream().map(Approvers.Answer::by).distinct().count()
                + " people; " + (decided.size() - untold.size()) + " reached their customer; "
                + approvers.refused() + " calls refused or failed.");
        check(!decided.isEmpty(), "no escalation was answered");
        check(untold.isEmpty(), untold.size() + " answered escalations never reached their customer, e.g. "
                + untold.stream().limit(3).map(Approvers.Answer::complaintId).toList());
        check(approvers.refused() == 0, approvers.refused() + " approver calls were refused or failed");
        line("");
        line("## Follow-ups answered through their signed links");
        line("");
        List<FollowUpAnswers.Answer> answered = answers.answers();
        long fixed = answered.stream().filter(FollowUpAnswers.Answer::fixed).count();
        List<FollowUpAnswers.Answer> reopenedUntold = answers.reopenedUntold();
        line(answered.size() + " answered: " + fixed + " \"yes, fixed\", " + (answered.size() - fixed)
                + " \"no, not yet\" (each reopens its complaint; " + (answered.size() - fixed - reopenedUntold.size())
                + " of those customers heard back in the next round); " + answers.waiting()
                + " follow-ups left unanswered; " + answers.failed() + " attempts failed"
                + (answers.lastFailure() == null ? "." : " (the last: " + answers.lastFailure() + ")."));
        check(!answered.isEmpty(), "no follow-up was answered: is the follow-up delay shortened "
                + "(AMENDS_NOTIFICATION_FOLLOW_UP_AFTER=PT1M)?");
        check(reopenedUntold.isEmpty(), reopenedUntold.size() + " reopened complaints' customers never heard back");
        check(answers.waiting() == 0, answers.waiting() + " follow-ups sent and never answered");
        line("");
        line("## Reviews");
        line("");
        line("| posted | refused | named their order: matched to their own complaint | name only: weak suggestion, "
                + "their own | name only: weak suggestion, another customer of that name | name only: honestly "
                + "unmatched (no name fits, or too many do) | wrong |");
        line("|---|---|---|---|---|---|---|");
        line("| " + reviews.posted() + " | " + reviewer.failed() + " | " + reviews.matchedToTheirOwn() + " | "
                + reviews.weakToTheirOwn() + " | " + reviews.weakToAnother() + " | " + reviews.unmatched() + " | "
                + reviews.wrong().size() + " |");
        reviews.wrong().stream().limit(10).forEach(w -> line("- " + w));
        check(reviews.posted() > 0, "no review was posted");
        check(reviews.wrong().isEmpty(), reviews.wrong().size() + " reviews ended neither matched nor honestly "
                + "unmatched");
        check(reviewer.failed() == 0, reviewer.failed() + " reviews were refused");
        line("");
        line(failures.isEmpty() ? "**Passed.**" : "**Failed:**");
        failures.forEach(f -> line("- " + f));
    }

    private void check(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
    }

    private void line(String text) {
        markdown.append(text).append('\n');
    }

    String markdown() {
        return markdown.toString();
    }

    List<String> failures() {
        return failures;
    }
}
