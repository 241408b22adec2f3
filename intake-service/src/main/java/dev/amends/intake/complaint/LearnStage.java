package dev.amends.intake.complaint;

/** LEARN: Listen, Empathize, Apologize, Respond (make it right), Notify (DOMAIN.md rule 2). */
public enum LearnStage {
    LISTEN, EMPATHIZE, APOLOGIZE, RESPOND, NOTIFY
}
