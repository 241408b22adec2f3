package dev.amends.intake.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    WebhookDispatcher(EntityManager entityManager, WebhookConfig config, Vertx vertx) {
        this.entityManager = entityManager;
        this.config = config;
        // Vert.x's client connects to an address given apart from the host it asks for, so the
        // connection goes to the address WebhookTargets checked while TLS still verifies the name.
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.requestTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(false));
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
        if (!subscription.active) {
            delivery.cancelled(now);
            return;
        }
        WebhookTargets.Target target;
        try {
            target = WebhookTargets.resolve(subscription.url, config.privateTargetsAllowed());
        } catch (WebhookTargets.Refused refused) {
            delivery.failed(null, "not sent: the URL " + refused.getMessage(), now, config);
            return;
        }
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.uri().getHost())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setIdleTimeout(config.requestTimeout().toMillis())
                .putHeader("Content-Type", "application/cloudevents+json; charset=utf-8")
                .putHeader(WebhookSignature.HEADER,
                        WebhookSignature.sign(subscription.secret, now.getEpochSecond(), delivery.body))
                .putHeader("Amends-Webhook-Id", subscription.id.toString())
                .putHeader("Amends-Delivery-Attempt", String.valueOf(delivery.attempts + 1));
        try {
            int status = http.request(request)
                    .compose(sending -> sending.send(delivery.body))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(config.requestTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            if (status / 100 == 2) {
                delivery.delivered(status, now);
            } else {
                delivery.failed(status, "the receiver answered with a " + status / 100 + "xx status", now, config);
            }
        } catch (ExecutionException | TimeoutException e) {
            // Only that it failed: what happened at the socket would tell a caller which ports are open.
            LOG.debugf("Webhook delivery %d to subscription %s: %s", delivery.id, subscription.id, e.getCause());
            delivery.failed(null, "no answer from the receiver", now, config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.failed(null, "no answer from the receiver", now, config);
        }
        if (delivery.status == WebhookDelivery.Status.FAILED) {
            LOG.warnf("Webhook delivery %d to subscription %s gave up after %d attempts: %s", delivery.id,
                    subscription.id, delivery.attempts, delivery.lastError);
        }
    }
}
