package dev.amends.review.reviews;

import jakarta.persistence.FlushModeType;
import dev.amends.platform.database.Rows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.contract.recovery.Fault;
import dev.amends.platform.lock.AdvisoryLock;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.review.ReviewConfig;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.review.caserecord.CaseRecordChanged;
import dev.amends.review.caserecord.CaseRecordsChanged;
import dev.amends.review.caserecord.CaseRecordsCommitted;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.drafting.Counterpoint;
import dev.amends.review.drafting.Draft;
import dev.amends.review.drafting.ResponseWriter;
import dev.amends.review.drafting.Sentence;
import dev.amends.review.language.ReviewLanguage;
import dev.amends.review.matching.Match;
import dev.amends.review.matching.MatchStrength;
import dev.amends.review.matching.PostedReview;
import dev.amends.review.matching.ReviewMatcher;
import dev.amends.review.names.NameKey;
import dev.amends.review.publictext.PublicCheck;
import dev.amends.review.publishing.Publisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Takes in reviews, keeps their history, matches and drafts, and applies what people decide. Every
 * text that could go public, drafted or edited, passes the public check here.
 */
@ApplicationScoped
public class Reviews {

    /**
     * At most this many waiting reviews by one form of a customer's name, on each side of the case in
     * time, are matched again when the case arrives (and as many by its order or e-mail). More than
     * that by one name say the name proves nothing; the nearest in time are the ones a new case can
     * still change.
     */
    static final int REMATCHED_EACH_SIDE = 25;

    /** The reviews that wait for their case: an arriving one can still match them. */
    private static final List<MatchStrength> WAITING = List.of(MatchStrength.NONE, MatchStrength.WEAK,
            MatchStrength.AMBIGUOUS);

    private static final String GOOGLE_REVIEW_NAME = "accounts/[^/]+/locations/[^/]+/reviews/[^/]+";

    private final ReviewMatcher matcher;
    private final ResponseWriter writer;
    private final ObjectMapper json;
    private final Publisher publisher;
    private final ReviewMetrics metrics;
    private final AfterCommit afterCommit;

    Reviews(ReviewConfig config, ObjectMapper json, Publisher publisher, ReviewMetrics metrics,
            AfterCommit afterCommit) {
        this.matcher = new ReviewMatcher(config.matching().before(), config.matching().after());
        this.writer = new ResponseWriter(config.drafting().signature(), config.drafting().contactUrl(),
                config.drafting().timeZone());
        this.json = json;
        this.publisher = publisher;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    /** What became of a pushed review. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Ingested(Review review, Outcome outcome) {
    }

    @Transactional
    public Ingested ingest(String tenant, PushedReview pushed) {
        if (pushed.platform() == Platform.GOOGLE && !pushed.platformReviewId().matches(GOOGLE_REVIEW_NAME)) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "The request is not valid",
                    "A Google review is named by its resource name.", List.of(new Problem.FieldError(
                            "platformReviewId", "must be accounts/{account}/locations/{location}/reviews/{review}",
                            ProblemType.VALIDATION_FAILED.uri())));
        }
        // Platforms redeliver; two deliveries of one review at once must not both create it.
        AdvisoryLock.forTransaction(Review.getEntityManager(), UUID.nameUUIDFromBytes(
                (tenant + "/" + pushed.platform() + "/" + pushed.platformReviewId()).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits());
        Instant now = Instant.now();
        Optional<Review> existing = Review.find("tenant = ?1 and platform = ?2 and platformReviewId = ?3", tenant,
                pushed.platform(), pushed.platformReviewId()).firstResultOptional();
        if (existing.isEmpty()) {
            Review review = new Review();
            review.id = UUID.randomUUID();
            review.tenant = tenant;
            review.platform = pushed.platform();
            review.platformReviewId = pushed.platformReviewId();
            review.receivedAt = now;
            review.writtenAt = pushed.writtenAt();
            take(review, pushed);
            // Matched and drafted before it is persisted: the matching queries would flush it half-made.
            draft(review, matcher.match(review.posted(), candidates(review)));
            review.persist();
            ResponseVersion.of(review, "drafted when the review arrived", null, now).persist();
            ReviewRevision.of(review.id, 1, review.rating, review.text, review.updatedAt, now).persist();
            metrics.received(review.platform, review.rating);
            return new Ingested(review, Outcome.CREATED);
        }
        Review review = existing.get();
        boolean same = review.rating == pushed.rating() && review.text.equals(pushed.textOrEmpty());
        if (same || pushed.lastEdited().isBefore(review.updatedAt)) {
            // A repeat, or an older version arriving late: the newer one already stands.
            return new Ingested(review, Outcome.UNCHANGED);
        }
        take(review, pushed);
        long revisions = Rows.count(ReviewRevision.class, "key.reviewId = ?1", review.id);
        ReviewRevision.of(review.id, (int) revisions + 1, review.rating, review.text, review.updatedAt, now).persist();
        if (review.answered()) {
            return new Ingested(review, Outcome.UPDATED);
        }
        if (review.editedBy != null) {
            // A person wrote this response; it is theirs, checked again against the new review text.
            review.findings = write(PublicCheck.check(review.responseText, context(review, caseRecord(review.tenant, review.match()))));
        } else {
            redraft(review, review.matchStrength == MatchStrength.CONFIRMED ? review.match()
                    : matcher.match(review.posted(), candidates(review)), "the reviewer edited the review");
        }
        return new Ingested(review, Outcome.UPDATED);
    }

    private static void take(Review review, PushedReview pushed) {
        review.rating = pushed.rating();
        review.authorName = pushed.authorName().strip();
        review.text = pushed.textOrEmpty();
        review.updatedAt = pushed.lastEdited();
        review.orderReference = pushed.orderReference();
        review.authorEmail = pushed.authorEmail();
        review.authorEmailDigest = ContactSeal.emailDigest(pushed.authorEmail());
        review.language = ReviewLanguage.of(pushed.language(), review.text);
        review.authorNameKey = NameKey.of(review.authorName);
    }

    private List<CaseSnapshot> candidates(Review review) {
        PostedReview posted = review.posted();
        return CaseSnapshot.candidates(review.tenant, posted.authorName(), posted.orderReference(), posted.authorEmail(),
                posted.writtenAt(), matcher.windowStart(posted), matcher.windowEnd(posted));
    }

    private void draft(Review review, Match match) {
        review.matched(match);
        Optional<CaseSnapshot> record = caseRecord(review.tenant, match);
        Draft draft = writer.write(review.posted(), match, record);
        review.newText(draft.text(), write(draft), write(PublicCheck.check(draft.text(), context(review, record))));
        review.editedBy = null;
        review.editedAt = null;
    }

    /**
     * Drafts again and keeps the result as a new version, when its words differ from the text that
     * waits for approval; the same words keep their version (and any approval already given).
     */
    private void redraft(Review review, Match match, String cause) {
        Optional<CaseSnapshot> record = caseRecord(review.tenant, match);
        Draft draft = writer.write(review.posted(), match, record);
        if (draft.text().equals(review.responseText) && review.editedBy == null) {
            review.matched(match);
            review.draft = write(draft);
            return;
        }
        String replaced = review.editedBy == null ? "" : "; the edit by " + review.editedBy + " stays as version "
                + review.responseVersion;
        draft(review, match);
        ResponseVersion.of(review, "redrafted: " + cause + replaced, null, Instant.now()).persist();
    }

    /**
     * Case records arrived or gained facts, in one batch of events. Reviews that wait for their case
     * are matched again (a review posted before its complaint reached us finds it now), and every
     * response that waits for approval and rests on a changed record is redrafted, so that it never
     * states what is no longer so.
     *
     * <p>The work is bounded whatever the data holds. Each arriving case reads a bounded number of
     * waiting reviews through indexes ({@link #waitingFor}), each review is weighed once per batch,
     * against a bounded number of records ({@code CaseSnapshot.candidates}).
     * Only the reviews that change are locked, one at a time in the order of their ids, so two
     * batches never wait on each other in a circle.
     */
    void onCaseRecordsChanged(@Observes CaseRecordsChanged changed) {
        // Once for the batch: the queries below read the records it changed and do not flush themselves.
        Review.getEntityManager().flush();
        Map<UUID, Review> affected = new TreeMap<>();
        Set<UUID> waiting = new HashSet<>();
        for (CaseRecordChanged change : changed.changes()) {
            if (change.arrived() != null) {
                for (Review review : waitingFor(change.tenant(), change.arrived())) {
                    affected.putIfAbsent(review.id, review);
                    waiting.add(review.id);
                }
            }
        }
        Map<UUID, List<String>> changes = new HashMap<>();
        Map<UUID, String> tenants = new HashMap<>();
        for (CaseRecordChanged change : changed.changes()) {
            changes.computeIfAbsent(change.complaintId(), id -> new ArrayList<>()).add(change.what());
            tenants.put(change.complaintId(), change.tenant());
        }
        Review.<Review>find("complaintId in ?1 and status = ?2 and matchStrength in ?3", changes.keySet(),
                ReviewStatus.DRAFTED, List.of(MatchStrength.STRONG, MatchStrength.CONFIRMED)).stream()
                .filter(review -> review.tenant.equals(tenants.get(review.complaintId)))
                .forEach(review -> affected.putIfAbsent(review.id, review));
        for (Review review : affected.values()) {
            Match rematch = waiting.contains(review.id) ? rematch(review) : null;
            List<String> restsOn = changes.get(review.complaintId);
            if (rematch == null && (restsOn == null || !restsOnRecord(review))) {
                continue;
            }
            Fingerprint before = Fingerprint.of(review);
            Review.getEntityManager().refresh(review, LockModeType.PESSIMISTIC_WRITE);
            if (!before.equals(Fingerprint.of(review))) {
                // Changed by a person or a redelivered review since it was read: weigh it as it is now.
                rematch = waiting.contains(review.id) ? rematch(review) : null;
            }
            if (rematch != null) {
                if (review.status == ReviewStatus.DRAFTED && review.editedBy == null) {
                    redraft(review, rematch, "a case record arrived and the review is now matched: " + rematch.reason());
                    continue;
                }
                review.matched(rematch);
            }
            restsOn = changes.get(review.complaintId);
            if (restsOn != null && restsOnRecord(review)) {
                redraft(review, review.match(), "the case record changed: " + String.join("; ", restsOn));
            }
        }
    }

    /**
     * A review and the case it is about may arrive at the same moment, each in a transaction the
     * other cannot see, so that neither finds the other. Whichever commits later looks again once it
     * has: a pushed review is matched again after it is stored ({@link #matchAgain}), and the reviews
     * taken in while a batch of case records was applied are matched again after the batch commits.
     * Each is one bounded look, and nothing waits for a lock to make it so.
     */
    void onCaseRecordsCommitted(@Observes CaseRecordsCommitted committed) {
        Arrivals arrivals = Arrivals.of(committed.arrived());
        // Locked in the order a batch locks reviews in (UUID's own order, which is not PostgreSQL's).
        QuarkusTransaction.requiringNew().run(() -> Review.<Review>list("tenant in ?1 and receivedAt >= ?2 "
                + "and matchStrength in ?3 and status <> ?4", arrivals.tenants(), committed.since(), WAITING,
                ReviewStatus.REJECTED).stream()
                .filter(arrivals::mayFit)
                .sorted(Comparator.comparing((Review review) -> review.id)).forEach(this::matchAgainIfChanged));
    }

    /**
     * What a batch's arrived cases carry that a review is matched by, each under its tenant, gathered
     * once per batch so that telling whether one of them fits a review is a lookup, not a loop.
     */
    private record Arrivals(Set<String> tenants, Set<String> orders, Set<String> emails, Set<String> names) {

        static Arrivals of(List<CaseRecordChanged> arrived) {
            Arrivals arrivals = new Arrivals(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (CaseRecordChanged change : arrived) {
                CaseSnapshot record = change.arrived();
                arrivals.tenants.add(change.tenant());
                if (record.orderReference() != null) {
                    arrivals.orders.add(change.tenant() + "/" + record.orderReference().strip().toLowerCase(Locale.ROOT));
                }
                if (record.customerEmailDigest() != null) {
                    arrivals.emails.add(change.tenant() + "/" + record.customerEmailDigest());
                }
                NameKey.authorsFitting(record.customerName()).forEach(name -> arrivals.names.add(change.tenant() + "/" + name));
            }
            return arrivals;
        }

        /**
         * Whether one of the cases could change the review's match: the same order reference or
         * e-mail, or (while a namesake still can) a name that fits. The matcher decides.
         */
        boolean mayFit(Review review) {
            String tenant = review.tenant + "/";
            return review.orderReference != null
                    && orders.contains(tenant + review.orderReference.strip().toLowerCase(Locale.ROOT))
                    || review.authorEmailDigest != null && emails.contains(tenant + review.authorEmailDigest)
                    || review.matchStrength.namesakeCanChange() && names.contains(tenant + review.authorNameKey);
        }
    }

    /** The pushed review, matched again once it is stored (see {@link #onCaseRecordsCommitted}). */
    @Transactional
    public void matchAgain(UUID id) {
        Review.<Review>findByIdOptional(id).ifPresent(this::matchAgainIfChanged);
    }

    private void matchAgainIfChanged(Review review) {
        Match match = rematch(review);
        if (match == null) {
            return;
        }
        Review.getEntityManager().refresh(review, LockModeType.PESSIMISTIC_WRITE);
        match = rematch(review);
        if (match == null) {
            return;
        }
        if (review.status == ReviewStatus.DRAFTED && review.editedBy == null) {
            redraft(review, match, "a case record arrived and the review is now matched: " + match.reason());
        } else {
            review.matched(match);
        }
    }

    /** The review's new match when it still waits for its case and the arrived records change it; else null. */
    private Match rematch(Review review) {
        if (review.matchStrength.isFact() || review.status == ReviewStatus.REJECTED) {
            return null;
        }
        Match match = matcher.match(review.posted(), candidates(review));
        return match.equals(review.match()) ? null : match;
    }

    private static boolean restsOnRecord(Review review) {
        return review.status == ReviewStatus.DRAFTED && review.matchStrength.isFact();
    }

    /** What a review's new match and draft are worked out from, to tell whether it changed under us. */
    private record Fingerprint(PostedReview posted, Match match, ReviewStatus status, int version, String editedBy) {
        static Fingerprint of(Review review) {
            return new Fingerprint(review.posted(), review.match(), review.status, review.responseVersion,
                    review.editedBy);
        }
    }

    /**
     * The reviews not yet matched as a fact that this newly arrived case could be about, unlocked:
     * those with its order reference or e-mail, and those whose author is named as its customer
     * (whole name, or first name and initial) written nearest to when it was received, on each side,
     * unless their name already fits too many customers. Each part is an index scan that stops at its
     * limit.
     */
    private List<Review> waitingFor(String tenant, CaseSnapshot record) {
        // An ambiguous name stays so whatever namesake arrives; its order or e-mail can still match it.
        String byName = "tenant = :tenant and match_strength in ('NONE', 'WEAK') and status <> 'REJECTED'";
        String open = "tenant = :tenant and match_strength in ('NONE', 'WEAK', 'AMBIGUOUS') and status <> 'REJECTED'";
        List<String> parts = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>(Map.of("tenant", tenant,
                "from", matcher.earliestReview(record.receivedAt()), "to", matcher.latestReview(record.receivedAt()),
                "at", record.receivedAt()));
        List<String> names = NameKey.authorsFitting(record.customerName());
        for (int i = 0; i < names.size(); i++) {
            parameters.put("name" + i, names.get(i));
            parts.add("(select * from review where " + byName + " and author_name_key = :name" + i
                    + " and written_at between :from and :at order by written_at desc limit " + REMATCHED_EACH_SIDE + ")");
            parts.add("(select * from review where " + byName + " and author_name_key = :name" + i
                    + " and written_at > :at and written_at <= :to order by written_at limit " + REMATCHED_EACH_SIDE + ")");
        }
        if (record.orderReference() != null) {
            parts.add("(select * from review where " + open + " and lower(order_reference) = lower(:order) limit "
                    + REMATCHED_EACH_SIDE + ")");
            parameters.put("order", record.orderReference());
        }
        if (record.customerEmailDigest() != null) {
            parts.add("(select * from review where " + open + " and author_email_digest = :email limit "
                    + REMATCHED_EACH_SIDE + ")");
            parameters.put("email", record.customerEmailDigest());
        }
        var query = Review.getEntityManager().createNativeQuery(String.join(" union all ", parts), Review.class)
                .setFlushMode(FlushModeType.COMMIT);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Review> found = query.getResultList();
        return found;
    }

    private static Optional<CaseSnapshot> caseRecord(String tenant, Match match) {
        return match.complaintId() == null ? Optional.empty() : CaseSnapshot.load(tenant, match.complaintId());
    }

    /** What the reviewer said in public, and what we hold about the customer that must stay private. */
    private static PublicCheck.Context context(Review review, Optional<CaseSnapshot> record) {
        List<String> privateValues = new ArrayList<>();
        privateValues.add(review.authorEmail);
        record.ifPresent(r -> {
            privateValues.add(r.customerName());
            privateValues.add(r.orderReference());
        });
        Fault fault = review.match().strength().isFact() ? record.map(CaseSnapshot::fault).orElse(Fault.UNKNOWN)
                : Fault.UNKNOWN;
        return new PublicCheck.Context(review.text, review.authorName, fault, privateValues);
    }

    @Transactional
    public Review edit(UUID id, Decisions.Edit edit, String by) {
        Review review = locked(id);
        if (review.status == ReviewStatus.REJECTED || review.status == ReviewStatus.APPROVED) {
            // An approved response may be on its way to the platform; a rejected one is not to be answered.
            throw new ProblemException(409, ProblemType.CONFLICT, "The response is " + review.status,
                    "Edit a response that is drafted, failed, waiting to be posted by hand, or published.");
        }
        String text = edit.text().strip();
        List<PublicCheck.Finding> findings = PublicCheck.check(text, context(review, caseRecord(review.tenant, review.match())));
        if (!findings.isEmpty()) {
            throw breaksRules("The edited text breaks the public rules", findings);
        }
        // Counterpoints the person kept are still shown with their evidence; the rest are gone.
        List<Counterpoint> kept = read(review.draft, Draft.class).counterpoints().stream()
                .filter(c -> text.contains(c.statement())).toList();
        Draft edited = new Draft(List.of(new Sentence(text, "edited", "written by " + by)), kept);
        review.newText(text, write(edited), write(findings));
        review.editedBy = by;
        review.editedAt = Instant.now();
        ResponseVersion.of(review, "edited by " + by, by, review.editedAt).persist();
        return review;
    }

    /**
     * Approves the newest version, or the one named: the approver names the version they read, so
     * that one drafted since is not approved unseen. An older version than the newest is approved
     * only when they say so ({@code olderVersion}); it becomes the newest, checked again.
     */
    @Transactional
    public Review approve(UUID id, Decisions.Approval approval, String by) {
        Review review = locked(id);
        Integer asked = approval.version();
        if (asked != null && asked != review.responseVersion && review.status == ReviewStatus.DRAFTED) {
            ResponseVersion chosen = ResponseVersion.find(id, asked)
                    .orElseThrow(() -> ProblemException.notFound("Response version", asked));
            ResponseVersion newest = ResponseVersion.find(id, review.responseVersion).orElseThrow();
            if (!Boolean.TRUE.equals(approval.olderVersion())) {
                throw new ProblemException(409, ProblemType.CONFLICT, "Version " + asked + " is not the newest",
                        "Version " + review.responseVersion + " was written since (" + newest.cause + "). Approve "
                                + "version " + review.responseVersion + ", or approve version " + asked
                                + " with olderVersion true if that is the one to publish.");
            }
            List<PublicCheck.Finding> findings = PublicCheck.check(chosen.text,
                    context(review, caseRecord(review.tenant, review.match())));
            if (!findings.isEmpty()) {
                throw breaksRules("Version " + asked + " breaks the public rules as the record stands now", findings);
            }
            int over = review.responseVersion;
            review.newText(chosen.text, chosen.draft, write(findings));
            review.editedBy = chosen.writtenBy;
            ResponseVersion.of(review, "version " + asked + " chosen by " + by + " over version " + over, by,
                    Instant.now()).persist();
        }
        List<PublicCheck.Finding> findings = read(review.findings, new TypeReference<>() { });
        if (!findings.isEmpty()) {
            throw breaksRules("The response breaks the public rules; edit it first", findings);
        }
        review.approve(by, Instant.now(), publisher.canPost(review.platform));
        afterCommit.run(publisher::wake);
        return review;
    }

    @Transactional
    public Review reject(UUID id, String by, String reason) {
        Review review = locked(id);
        review.reject(by, reason);
        return review;
    }

    @Transactional
    public Review postedByHand(UUID id, String by) {
        Review review = locked(id);
        if (review.postedByHand(by, Instant.now())) {
            metrics.answered(review.platform, Duration.between(review.writtenAt, review.publishedAt));
        }
        return review;
    }

    @Transactional
    public Review retry(UUID id) {
        Review review = locked(id);
        review.retry(Instant.now());
        afterCommit.run(publisher::wake);
        return review;
    }

    /** A person checked a suggestion (or found the case themselves): the record is now a fact. */
    @Transactional
    public Review confirmMatch(UUID id, UUID complaintId, String by) {
        Review review = locked(id);
        CaseSnapshot record = CaseSnapshot.load(review.tenant, complaintId)
                .orElseThrow(() -> ProblemException.notFound("Case record", complaintId));
        Match match = Match.confirmed(record.customerId(), record.complaintId(), by);
        review.matchedBy = by;
        if (review.answered() || review.status == ReviewStatus.APPROVED) {
            review.matched(match);
        } else {
            redraft(review, match, "matched to the case by " + by);
        }
        return review;
    }

    public static Review locked(UUID id) {
        return Review.<Review>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Review", id));
    }

    @Transactional
    public ReviewView view(UUID id) {
        Review review = Review.<Review>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Review", id));
        Draft draft = read(review.draft, Draft.class);
        boolean fact = review.matchStrength.isFact();
        return new ReviewView(review.id, review.tenant, review.platform, review.platformReviewId, review.rating,
                review.authorName, review.text, review.language, review.writtenAt, review.updatedAt, review.orderReference,
                review.receivedAt,
                new ReviewView.MatchView(review.matchStrength, review.matchConfidence, review.matchReason, fact,
                        review.customerId, review.complaintId,
                        review.complaintId == null ? null : "/api/v1/case-records/" + review.complaintId,
                        review.matchStrength == MatchStrength.CONFIRMED ? review.matchedBy : null),
                new ReviewView.ResponseView(review.status, review.responseText, review.responseVersion,
                        draft.sentences(), draft.counterpoints(), read(review.findings, new TypeReference<>() { }),
                        review.editedBy, review.editedAt, review.approvedBy, review.approvedAt, review.rejectedBy,
                        review.rejectionReason, review.publishAttempts, review.nextAttemptAt, review.publishError,
                        review.publishedAt, review.publishedBy, versions(review.id)),
                ReviewRevision.of(review.id).stream().map(r -> new ReviewView.RevisionView(r.key.revision(), r.rating,
                        r.text, r.editedAt, r.receivedAt)).toList());
    }

    /** Newest first: what an approver reads first is what changed last. */
    private static List<ReviewView.VersionView> versions(UUID reviewId) {
        List<ResponseVersion> all = ResponseVersion.of(reviewId);
        List<ReviewView.VersionView> views = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            ResponseVersion v = all.get(i);
            views.add(new ReviewView.VersionView(v.key.version(), v.text, v.cause, v.writtenBy, v.writtenAt,
                    i == 0 ? List.of() : VersionChanges.between(all.get(i - 1).text, v.text)));
        }
        return views;
    }

    private static ProblemException breaksRules(String title, List<PublicCheck.Finding> findings) {
        return new ProblemException(422, ProblemType.VALIDATION_FAILED, title,
                findings.size() + " finding(s); nothing was changed.",
                findings.stream().map(f -> new Problem.FieldError("text", f.explain(), f.rule())).toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A draft is always writable as JSON", e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored draft is always readable", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored findings are always readable", e);
        }
    }
}
