package dev.amends.intake.complaint;

/** What can appear on a complaint's timeline, and the LEARN stage it belongs to. */
public enum TimelineEvent {
    RECEIVED(LearnStage.LISTEN),
    QUESTION_ASKED(LearnStage.LISTEN),
    QUESTION_ANSWERED(LearnStage.LISTEN),
    RECOVERY_DECIDED(LearnStage.RESPOND),
    MAKE_GOOD_ISSUED(LearnStage.RESPOND),
    ESCALATED(LearnStage.RESPOND),
    ESCALATION_EXPIRED(LearnStage.RESPOND),
    ESCALATION_DECLINED(LearnStage.RESPOND),
    CUSTOMER_NOTIFIED(LearnStage.NOTIFY),
    REOPENED(LearnStage.LISTEN),
    FEEDBACK_RECEIVED(LearnStage.LISTEN);

    private final LearnStage stage;

    TimelineEvent(LearnStage stage) {
        this.stage = stage;
    }

    public LearnStage stage() {
        return stage;
    }
}
