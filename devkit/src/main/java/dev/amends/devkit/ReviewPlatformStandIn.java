package dev.amends.devkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;

/**
 * A real HTTP server standing in for Google Business Profile's review reply API: by default every
 * reply is accepted (200 with the reply); a test can make one review's replies fail, always or
 * once. Requests are recorded and can be read back.
 */
public final class ReviewPlatformStandIn implements AutoCloseable {

    private static final String REPLY = "/v4/accounts/[^/]+/locations/[^/]+/reviews/[^/]+/reply";

    private final WireMockServer server;

    private ReviewPlatformStandIn(WireMockServer server) {
        this.server = server;
    }

    public static ReviewPlatformStandIn start(int port) {
        WireMockServer server = new WireMockServer(port == 0 ? options().bindAddress("127.0.0.1").dynamicPort()
                : options().bindAddress("127.0.0.1").port(port));
        server.start();
        server.stubFor(put(urlPathMatching(REPLY)).atPriority(10).willReturn(accepted()));
        return new ReviewPlatformStandIn(server);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answers replies to this review (its resource name) with a Google error from now on. */
    public void failFor(String reviewName, int status, String googleStatus, String message) {
        server.stubFor(put(urlPathEqualTo("/v4/" + reviewName + "/reply")).atPriority(1)
                .willReturn(error(status, googleStatus, message)));
    }

    /** The first reply to this review fails with {@code status}; every later one is accepted. */
    public void failOnceFor(String reviewName, int status) {
        String scenario = "once-" + reviewName;
        server.stubFor(put(urlPathEqualTo("/v4/" + reviewName + "/reply")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(status, "UNAVAILABLE", "The service is currently unavailable."))
                .willSetStateTo("recovered"));
        server.stubFor(put(urlPathEqualTo("/v4/" + reviewName + "/reply")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(accepted()));
    }

    /** Accepts replies to this review again, after {@link #failFor}. */
    public void recover(String reviewName) {
        server.stubFor(put(urlPathEqualTo("/v4/" + reviewName + "/reply")).atPriority(1).willReturn(accepted()));
    }

    /** Every reply request the platform received for this review. */
    public List<LoggedRequest> repliesTo(String reviewName) {
        return server.findAll(putRequestedFor(urlPathEqualTo("/v4/" + reviewName + "/reply")));
    }

    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"updateTime\":\"" + Instant.now() + "\"}");
    }

    private static ResponseDefinitionBuilder error(int status, String googleStatus, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\""
                        + googleStatus + "\"}}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
