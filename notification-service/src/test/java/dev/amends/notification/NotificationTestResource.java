package dev.amends.notification;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.LocalSmtp;
import dev.amends.devkit.SmsProviderStandIn;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared broker and database, plus a real SMTP server and a real HTTP server standing in for
 * the SMS provider, both started in the test JVM so that tests can read back what was sent.
 */
public class NotificationTestResource extends AmendsTestResource {

    public static final String SMS_TOKEN = "test-sms-token";
    public static final String SMS_REPLIES_URL = "https://amends.example/api/v1/sms/replies";

    private static LocalSmtp smtp;
    private static SmsProviderStandIn sms;

    public static LocalSmtp smtp() {
        return smtp;
    }

    public static SmsProviderStandIn sms() {
        return sms;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        smtp = LocalSmtp.start(0, -1);
        sms = SmsProviderStandIn.start(0);
        config.put("amends.notification.email.host", "127.0.0.1");
        config.put("amends.notification.email.port", String.valueOf(smtp.smtpPort()));
        config.put("amends.notification.sms.base-url", sms.baseUrl());
        config.put("amends.notification.sms.token", SMS_TOKEN);
        config.put("amends.notification.sms.inbound-url", SMS_REPLIES_URL);
        return config;
    }

    @Override
    public void stop() {
        smtp.close();
        sms.close();
    }
}
