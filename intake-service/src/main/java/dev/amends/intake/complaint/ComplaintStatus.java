package dev.amends.intake.complaint;

/** Where a complaint stands. A status only moves forward, whatever order the events arrive in. */
public enum ComplaintStatus {
    RECEIVED(0),
    RECOVERY_DECIDED(1),
    ESCALATED(1),
    CUSTOMER_NOTIFIED(2);

    private final int progress;

    ComplaintStatus(int progress) {
        this.progress = progress;
    }

    ComplaintStatus advanceTo(ComplaintStatus next) {
        return next.progress >= progress ? next : this;
    }
}
