package dev.amends.review.stats;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import dev.amends.review.reviews.Platform;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews/stats")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewStatsResource {

    private final EntityManager entityManager;
    private final Caller caller;

    ReviewStatsResource(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(summary = "Rating over time, share answered, median time to answer, and the rating after a recovery",
            description = "Over reviews written in [from, to): by default the last 12 months.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewStats.class)))
    @APIResponse(responseCode = "400", description = "A bad time or an unknown platform.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewStats stats(
            @Parameter(description = "ISO-8601 instant.") @QueryParam("from") String fromParameter,
            @Parameter(description = "ISO-8601 instant.") @QueryParam("to") String toParameter,
            @Parameter(description = "Only this platform.") @QueryParam("platform") String platformParameter) {
        String tenant = caller.tenant();
        Instant to = toParameter == null ? Instant.now() : QueryParameters.instant("to", toParameter);
        Instant from = fromParameter == null ? to.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant()
                : QueryParameters.instant("from", fromParameter);
        String platform = platformParameter == null ? null : platform(platformParameter);
        String scope = " r.tenant = :tenant and r.written_at >= :from and r.written_at < :to"
                + (platform == null ? "" : " and r.platform = :platform");

        Object[] totals = (Object[]) bind(entityManager.createNativeQuery("""
                select count(*), count(*) filter (where r.published_at is not null),
                       percentile_cont(0.5) within group (order by extract(epoch from r.published_at - r.written_at))
                           filter (where r.published_at is not null)
                from review r where""" + scope), tenant, from, to, platform).getSingleResult();
        long reviews = ((Number) totals[0]).longValue();
        long answered = ((Number) totals[1]).longValue();

        @SuppressWarnings("unchecked")
        List<Object[]> months = bind(entityManager.createNativeQuery("""
                select to_char(r.written_at at time zone 'UTC', 'YYYY-MM'), count(*), avg(first.rating), avg(r.rating)
                from review r join review_revision first on first.review_id = r.id and first.revision = 1
                where""" + scope + " group by 1 order by 1"), tenant, from, to, platform).getResultList();

        Object[] moved = (Object[]) bind(entityManager.createNativeQuery("""
                with recovered as (
                    select r.id, r.rating as rating_now, min(f.occurred_at) as made_good_at
                    from review r join case_fact f on f.complaint_id = r.complaint_id and f.kind = 'MAKE_GOOD_ISSUED'
                    where r.match_strength in ('STRONG', 'CONFIRMED') and""" + scope + """
                    group by r.id, r.rating
                ), moved as (
                    select c.rating_now,
                           (select v.rating from review_revision v where v.review_id = c.id
                              and v.edited_at <= c.made_good_at order by v.revision desc limit 1) as rating_before,
                           exists (select 1 from review_revision v where v.review_id = c.id
                                     and v.edited_at > c.made_good_at and v.revision > 1) as updated
                    from recovered c
                )
                select count(*),
                       count(*) filter (where updated and rating_before is not null),
                       avg(rating_before) filter (where updated and rating_before is not null),
                       avg(rating_now) filter (where updated and rating_before is not null),
                       count(*) filter (where updated and rating_now > rating_before),
                       count(*) filter (where updated and rating_now < rating_before)
                from moved
                """), tenant, from, to, platform).getSingleResult();

        return new ReviewStats(from, to, platform, reviews, answered,
                reviews == 0 ? null : BigDecimal.valueOf(answered).divide(BigDecimal.valueOf(reviews), 2,
                        RoundingMode.HALF_UP),
                totals[2] == null ? null : Duration.ofSeconds(Math.round(((Number) totals[2]).doubleValue()))
                        .truncatedTo(ChronoUnit.SECONDS),
                months.stream().map(m -> new ReviewStats.Month(YearMonth.parse((String) m[0]),
                        ((Number) m[1]).longValue(), rating(m[2]), rating(m[3]))).toList(),
                new ReviewStats.AfterRecovery(((Number) moved[0]).longValue(), ((Number) moved[1]).longValue(),
                        rating(moved[2]), rating(moved[3]), ((Number) moved[4]).longValue(),
                        ((Number) moved[5]).longValue()));
    }

    private static Query bind(Query query, String tenant, Instant from, Instant to, String platform) {
        query.setParameter("tenant", tenant).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to));
        return platform == null ? query : query.setParameter("platform", platform);
    }

    private static BigDecimal rating(Object average) {
        return average == null ? null : new BigDecimal(average.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static String platform(String value) {
        try {
            return Platform.valueOf(value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("platform", "must be one of " + Arrays.toString(Platform.values()));
        }
    }
}
