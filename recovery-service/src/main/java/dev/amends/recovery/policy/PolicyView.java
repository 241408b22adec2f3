package dev.amends.recovery.policy;

import java.time.Instant;

/** One version of the policy: when it was activated and by whom, the document read, and its source as written. */
public record PolicyView(int version, String name, Instant activatedAt, String activatedBy, String checksum,
        boolean active, PolicyDocument document, String source) {

    static PolicyView of(PolicyVersion v, boolean active) {
        return new PolicyView(v.version, v.name, v.activatedAt, v.activatedBy, v.checksum, active,
                PolicyReader.read(v.source), v.source);
    }

    /** A version in the history list, without its document. */
    public record Summary(int version, String name, Instant activatedAt, String activatedBy, String checksum,
            boolean active) {

        static Summary of(PolicyVersion v, boolean active) {
            return new Summary(v.version, v.name, v.activatedAt, v.activatedBy, v.checksum, active);
        }
    }
}
