package dev.amends.recovery.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One activated version of a tenant's policy, kept forever: the tenant's highest version is the
 * one in force for its complaints.
 */
@Entity
@Table(name = "policy_version")
@IdClass(PolicyVersion.Key.class)
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public String tenant;

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

    static Optional<PolicyVersion> of(String tenant, int version) {
        return find("tenant = ?1 and version = ?2", tenant, version).firstResultOptional();
    }

    static List<PolicyVersion> history(String tenant) {
        return list("tenant = ?1 order by version desc", tenant);
    }

    /** A version's identity: the tenant and its number there (a class, as JPA wants of an id class). */
    public static class Key implements Serializable {

        public String tenant;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.tenant.equals(tenant) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, version);
        }
    }
}
