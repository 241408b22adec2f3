package dev.amends.notification.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.notification.NotificationConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * SMS through an HTTP provider. Its answers decide what happens next: 2xx sent; 429 and 5xx not
 * sent, try again later; 4xx never, and the provider's "unsubscribed recipient" means the customer
 * opted out at the carrier; no answer at all after the request went out may have sent it.
 */
@ApplicationScoped
public class SmsChannel {

    /** Provider error codes for a recipient who replied STOP at the carrier (Twilio 21610). */
    private static final Set<Integer> UNSUBSCRIBED = Set.of(21610);

    private final NotificationConfig.Sms config;
    private final ObjectMapper json;
    private final SmsProviderApi api;

    SmsChannel(NotificationConfig config, ObjectMapper json) {
        this.config = config.sms();
        this.json = json;
        this.api = this.config.baseUrl()
                .map(url -> QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                        .connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(this.config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .build(SmsProviderApi.class))
                .orElse(null);
    }

    public Delivery send(OutgoingMessage message) {
        if (api == null) {
            return new Delivery.Refused("no SMS provider configured (amends.notification.sms.base-url)", false);
        }
        String credentials = config.account() + ":" + config.token().orElse("");
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        try {
            SmsProviderApi.Receipt receipt = api.send(config.account(), authorization, message.id().toString(),
                    message.recipient(), config.from(), message.text());
            return new Delivery.Sent(receipt.sid());
        } catch (WebApplicationException e) {
            return answered(e.getResponse().getStatus(), e.getResponse().readEntity(String.class));
        } catch (ProcessingException e) {
            return notAnswered(e);
        }
    }

    private Delivery answered(int status, String body) {
        SmsProviderApi.Error error = error(body);
        String reason = "SMS provider " + status + (error.code() == null ? "" : " (" + error.code() + ")")
                + (error.message() == null ? "" : ": " + error.message());
        if (status == 429 || status >= 500) {
            return new Delivery.Retry(reason);
        }
        return new Delivery.Refused(reason, error.code() != null && UNSUBSCRIBED.contains(error.code()));
    }

    private Delivery notAnswered(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return new Delivery.Retry("SMS provider unreachable: " + EmailChannel.rootMessage(e));
            }
        }
        return new Delivery.Uncertain("SMS provider did not answer: " + EmailChannel.rootMessage(e));
    }

    private SmsProviderApi.Error error(String body) {
        try {
            return json.readValue(body, SmsProviderApi.Error.class);
        } catch (Exception e) {
            return new SmsProviderApi.Error(null, body == null || body.isBlank() ? null : body.strip());
        }
    }
}
