package dev.amends.intake.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Only the oldest pending delivery of each complaint and subscription is
 * ever due, so a receiver sees a complaint's changes in order even after an outage; deliveries
 * of other complaints go on meanwhile. A delivery is locked while it is sent, so several
 * instances never send the same one at once.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_PER_RUN = 200;

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    WebhookDispatcher(EntityManager entityManager, WebhookConfig config) {
        this.entityManager = entityManager;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    @Scheduled(every = "${amends.intake.webhooks.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        for (int sent = 0; sent < MAX_PER_RUN; sent++) {
            if (!QuarkusTransaction.requiringNew().call(this::deliverNext)) {
                return;
            }
        }
    }

    @Scheduled(every = "${amends.housekeeping.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetFinished() {
        WebhookDelivery.delete("status <> ?1 and createdAt < ?2", WebhookDelivery.Status.PENDING,
                clock.instant().minus(config.keepDeliveries()));
    }

    private boolean deliverNext() {
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> due = entityManager.createNativeQuery("""
                select d.* from webhook_delivery d
                where d.status = 'PENDING' and d.next_attempt_at <= now()
                  and not exists (select 1 from webhook_delivery earlier
                                  where earlier.subscription_id = d.subscription_id
                                    and earlier.complaint_id = d.complaint_id
                                    and earlier.status = 'PENDING' and earlier.id < d.id)
                order by d.id
                limit 1
                for update skip locked
                """, WebhookDelivery.class).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        WebhookDelivery delivery = due.get(0);
        WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
        send(delivery, subscription);
        return true;
    }

    private void send(WebhookDelivery delivery, WebhookSubscription subscription) {
        Instant now = clock.instant();
        Optional<String> refusal = WebhookTargets.refusal(subscription.url, config.privateTargetsAllowed());
        if (refusal.isPresent()) {
            delivery.failed(null, "not sent: the URL " + refusal.get(), now, config);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header(WebhookSignature.HEADER,
                        WebhookSignature.sign(subscription.secret, now.getEpochSecond(), delivery.body))
                .header("Amends-Webhook-Id", subscription.id.toString())
                .header("Amends-Delivery-Attempt", String.valueOf(delivery.attempts + 1))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                delivery.delivered(response.statusCode(), now);
            } else {
                delivery.failed(response.statusCode(), "the receiver answered " + response.statusCode(), now, config);
            }
        } catch (IOException e) {
            delivery.failed(null, "cannot reach the receiver: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), now, config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.failed(null, "interrupted while sending", now, config);
        }
        if (delivery.status == WebhookDelivery.Status.FAILED) {
            LOG.warnf("Webhook delivery %d to subscription %s gave up after %d attempts: %s", delivery.id,
                    subscription.id, delivery.attempts, delivery.lastError);
        }
    }
}
