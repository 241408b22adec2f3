package dev.amends.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How each review the soak posted ended, read back from review-service: a review that named its
 * order is matched as a fact to its own complaint; one that did not is a weak suggestion (said to
 * be weak, and why) or honestly unmatched (said so, and why: no name fits, or too many do), never a
 * fact.
 */
record ReviewOutcomes(int posted, int matchedToTheirOwn, int weakToTheirOwn, int weakToAnother, int unmatched,
        List<String> wrong) {

    /** A review the soak posted: about which complaint, and whether it named the order. */
    record Posted(String complaintId, String orderReference, boolean namesOrder) {
    }

    static ReviewOutcomes check(HttpClient http, URI review, String token, Map<String, Posted> reviews)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        int own = 0;
        int weakOwn = 0;
        int weakOther = 0;
        int none = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Posted> posted : reviews.entrySet()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(review.resolve("/api/v1/reviews/"
                    + posted.getKey())).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                wrong.add("review " + posted.getKey() + ": GET answered " + answer.statusCode());
                continue;
            }
            JsonNode match = json.readTree(answer.body()).path("match");
            String strength = match.path("strength").asText();
            boolean theirs = posted.getValue().complaintId().equals(match.path("complaintId").asText());
            String reason = match.path("reason").asText();
            if (posted.getValue().namesOrder()) {
                if (strength.equals("STRONG") && theirs) {
                    own++;
                } else {
                    wrong.add("review " + posted.getKey() + " names the order " + posted.getValue().orderReference()
                            + " but is " + strength + ": " + reason);
                }
            } else if (strength.equals("WEAK") && reason.startsWith("Weak suggestion")) {
                if (theirs) {
                    weakOwn++;
                } else {
                    weakOther++;
                }
            } else if ((strength.equals("NONE") || strength.equals("AMBIGUOUS")) && !reason.isBlank()) {
                none++;
            } else {
                wrong.add("review " + posted.getKey() + " gives only a name but is " + strength + ": " + reason);
            }
        }
        return new ReviewOutcomes(reviews.size(), own, weakOwn, weakOther, none, wrong);
    }
}
