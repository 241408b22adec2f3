package dev.amends.notification.promise;

/** OPEN until the event that keeps it arrives (KEPT) or its date passes first (BROKEN; it may still be kept late). */
public enum PromiseStatus {
    OPEN, KEPT, BROKEN
}
