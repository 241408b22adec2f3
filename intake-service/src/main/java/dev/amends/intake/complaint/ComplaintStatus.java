package dev.amends.intake.complaint;

/**
 * Where a complaint stands. Within a recovery round a status only moves forward, whatever order
 * the events arrive in, but for one thing: while an escalation waits for a person's decision the
 * status is ESCALATED, even after the customer was told that it waits. A reopening starts the next
 * round at REOPENED.
 */
public enum ComplaintStatus {
    RECEIVED(0),
    REOPENED(0),
    RECOVERY_DECIDED(1),
    /** An escalation waits for a person's decision (see the complaint's escalation). */
    ESCALATED(1),
    CUSTOMER_NOTIFIED(2),
    /** The customer answered the follow-up: yes, it is fixed. */
    RESOLVED(3);

    private final int progress;

    ComplaintStatus(int progress) {
        this.progress = progress;
    }

    boolean awaitsRecovery() {
        return progress == 0;
    }

    ComplaintStatus advanceTo(ComplaintStatus next) {
        return next.progress >= progress ? next : this;
    }
}
