package dev.amends.platform.inbox;

/**
 * Incoming channel names, one per catalogue topic. Each service configures the ones it reads in
 * its application.properties (topic, group, offset reset, commit and failure strategy).
 */
public final class Channels {

    public static final String COMPLAINTS = "complaints";
    public static final String RECOVERIES = "recoveries";
    public static final String NOTIFICATIONS = "notifications";

    private Channels() {
    }
}
