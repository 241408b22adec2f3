package dev.amends.devkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A real HTTP server standing in for a Twilio-style SMS provider: by default it accepts every
 * message (201 with a sid); a test can make it answer one number with an error, a delay, or a
 * failure first and success after. Requests are recorded and can be read back.
 */
public final class SmsProviderStandIn implements AutoCloseable {

    private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";

    private final WireMockServer server;

    private SmsProviderStandIn(WireMockServer server) {
        this.server = server;
    }

    public static SmsProviderStandIn start(int port) {
        WireMockServer server = new WireMockServer(port == 0 ? options().bindAddress("127.0.0.1").dynamicPort()
                : options().bindAddress("127.0.0.1").port(port));
        server.start();
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(10)
                .willReturn(accepted()));
        return new SmsProviderStandIn(server);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answers messages to {@code phone} with this status and provider error body from now on. */
    public void failFor(String phone, int status, int code, String message) {
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(containing("To=" + encode(phone)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":" + status + "}")));
    }

    /** Answers messages to {@code phone} only after {@code millis}. */
    public void delayFor(String phone, int millis) {
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(containing("To=" + encode(phone)))
                .willReturn(accepted().withFixedDelay(millis)));
    }

    /** The first attempt for {@code phone} fails with {@code status}; every later one is accepted. */
    public void failOnceFor(String phone, int status) {
        String scenario = "once-" + phone;
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("To=" + encode(phone)))
                .willReturn(aResponse().withStatus(status).withBody("{\"code\":20500,\"message\":\"busy\"}"))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("recovered")
                .withRequestBody(containing("To=" + encode(phone)))
                .willReturn(accepted()));
    }

    /** Every message request the provider received for {@code phone}. */
    public List<LoggedRequest> requestsFor(String phone) {
        return server.findAll(postRequestedFor(urlPathMatching(MESSAGES))
                .withRequestBody(containing("To=" + encode(phone))));
    }

    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                        + "\",\"status\":\"queued\"}");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
