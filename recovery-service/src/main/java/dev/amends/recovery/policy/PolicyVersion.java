package dev.amends.recovery.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One activated version of the policy, kept forever: the highest version is the one in force. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public int version;

    @Column(nullable = false)
    public String name;

    /** The document exactly as its author wrote it, comments and all. */
    @Column(nullable = false)
    public String source;

    /** SHA-256 of the source: putting the active document again does not make a new version. */
    @Column(nullable = false)
    public String checksum;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "activated_by", nullable = false)
    public String activatedBy;

    static Optional<PolicyVersion> active() {
        return find("order by version desc").firstResultOptional();
    }
}
