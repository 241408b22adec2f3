package dev.amends.review.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.review.ReviewConfig;
import dev.amends.review.reviews.Platform;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replies to Google reviews through the Business Profile API. 429 and 5xx are the platform being
 * busy, and no answer at all may be the network: both are tried again. Any other 4xx (the review
 * was deleted, the token lacks access, the text is refused) will not change by itself.
 */
@ApplicationScoped
public class GoogleBusinessProfile implements ReplyApi {

    private static final Pattern NAME = Pattern.compile("accounts/([^/]+)/locations/([^/]+)/reviews/([^/]+)");

    private final ReviewConfig.Google config;
    private final ObjectMapper json;
    private final GoogleReviewReplies api;

    GoogleBusinessProfile(ReviewConfig config, ObjectMapper json) {
        this.config = config.google();
        this.json = json;
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(this.config.baseUrl())
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(this.config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(GoogleReviewReplies.class);
    }

    @Override
    public Platform platform() {
        return Platform.GOOGLE;
    }

    @Override
    public boolean configured() {
        return config.token().isPresent();
    }

    @Override
    public PostOutcome post(String platformReviewId, String text) {
        Matcher name = NAME.matcher(platformReviewId);
        if (!name.matches()) {
            return new PostOutcome.Refused("not a Google review name: " + platformReviewId);
        }
        try {
            api.updateReply(name.group(1), name.group(2), name.group(3), "Bearer " + config.token().orElse(""),
                    new GoogleReviewReplies.ReviewReply(text, null));
            return new PostOutcome.Posted();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String reason = "Google answered " + status + message(e.getResponse().readEntity(String.class));
            return status == 429 || status >= 500 ? new PostOutcome.Retry(reason) : new PostOutcome.Refused(reason);
        } catch (ProcessingException e) {
            return new PostOutcome.Retry("Google did not answer: " + e.getMessage());
        }
    }

    private String message(String body) {
        try {
            GoogleReviewReplies.ErrorBody error = json.readValue(body, GoogleReviewReplies.ErrorBody.class);
            return error.error() == null || error.error().message() == null ? ""
                    : " (" + error.error().status() + "): " + error.error().message();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "";
        }
    }
}
