package dev.amends.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** Everything about how and when customers are written to, in one place ({@code amends.notification.*}). */
@ConfigMapping(prefix = "amends.notification")
public interface NotificationConfig {


    QuietHours quietHours();

    FollowUp followUp();

    Delivery delivery();

    Email email();

    Links links();

    Promises promises();

    Sms sms();

    interface QuietHours {
        /** When a customer's quiet hours start and end on their own clock, unless they told us otherwise. */
        @WithDefault("21:00")
        LocalTime from();

        @WithDefault("08:00")
        LocalTime until();
    }

    interface FollowUp {
        /** How long after the make-good we ask whether it fixed things. */
        @WithDefault("P3D")
        Duration after();

        /** Sooner for customers to be over-served (DOMAIN.md rule 6). */
        @WithDefault("P1D")
        Duration overServedAfter();
    }

    interface Delivery {
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT30S")
        Duration firstRetry();

        @WithDefault("PT1H")
        Duration maxRetry();

        /**
         * How long a claimed message stays claimed without word from its instance. The dispatcher
         * renews the leases of its sends under way every third of this, however long a send takes; a
         * lease that runs out means the instance died mid-send, and the message is parked.
         */
        @WithDefault("PT30S")
        Duration lease();

        @WithDefault("20")
        int batchSize();

        /**
         * How many sends are under way at once: each mostly waits on the SMTP relay or the SMS
         * provider. It also bounds the SMTP connections: one per sender at most.
         */
        @WithDefault("16")
        int concurrency();

        /** How often the dispatcher looks for due messages besides being woken when one is written. */
        @WithDefault("1s")
        String poll();
    }

    /** The SMTP relay customers' e-mail goes through. */
    interface Email {
        String host();

        @WithDefault("25")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** DISABLED, OPTIONAL (use STARTTLS when the relay offers it) or REQUIRED. */
        @WithDefault("OPTIONAL")
        StartTls startTls();

        /** The sender customers see, with its display name: {@code Customer care <care@example.com>}. */
        String from();

        /** The name this service gives in EHLO. */
        @WithDefault("localhost")
        String ehloName();

        /** How long to wait for the relay to accept the TCP connection. */
        @WithDefault("PT10S")
        Duration connectTimeout();

        /**
         * How long to wait for each reply of the relay (the greeting, each command) and for each
         * write. A send that gets no reply before the message data went out certainly did not reach
         * the customer and is tried again later; only one whose data went out without a final reply
         * may have, and is parked for a person.
         */
        @WithDefault("PT30S")
        Duration replyTimeout();

        /** An idle connection is reused for this long, then closed: relays drop idle ones on their side. */
        @WithDefault("PT10S")
        Duration keepAlive();

        enum StartTls {
            DISABLED, OPTIONAL, REQUIRED
        }
    }

    interface Links {
        /** Where customers reach this service: the base of feedback and unsubscribe links. */
        @WithDefault("http://localhost:8083")
        String baseUrl();

        /** Signs feedback and unsubscribe links; set your own in production. */
        String secret();

        @WithDefault("P14D")
        Duration feedbackValidFor();

        /** How long the link in an SMS opens the whole letter; after that the letter is not shown to anyone. */
        @WithDefault("P90D")
        Duration letterValidFor();
    }

    interface Promises {
        /** Business days until a make-good of each kind reaches the customer; kinds not listed are there at once. */
        Map<String, Integer> settleWithinBusinessDays();

        /** How long past its date a promise waits for the confirming event before it counts as broken. */
        @WithDefault("PT1H")
        Duration grace();

        /** How often overdue promises are looked for. */
        @WithDefault("1m")
        String checkEvery();
    }

    interface Sms {
        /** The provider's API, Twilio-style; without it SMS customers are written to by e-mail where possible. */
        Optional<String> baseUrl();

        @WithDefault("AC-amends")
        String account();

        /** The account's auth token: signs our requests and the provider's webhook posts. */
        Optional<String> token();

        @WithDefault("+10000000000")
        String from();

        /** How long to wait for the provider's answer; after that the message may or may not be out. */
        @WithDefault("PT15S")
        Duration readTimeout();

        /** The public URL the provider posts replies to; it is part of what the provider signs. */
        Optional<String> inboundUrl();
    }
}
