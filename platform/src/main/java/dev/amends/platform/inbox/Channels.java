package dev.amends.platform.inbox;

/**
 * The incoming channel of a service: one channel over every catalogue topic it reads, consumed a
 * poll at a time ({@code batch=true}). Each service configures it in its application.properties
 * (topics, group, offset reset, commit and failure strategy).
 */
public final class Channels {

    public static final String EVENTS = "events";

    private Channels() {
    }
}
