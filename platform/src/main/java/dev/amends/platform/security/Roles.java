package dev.amends.platform.security;

/**
 * The five roles of the platform, as the identity provider's {@code groups} claim names them. A
 * customer has no role: their only way in is the signed, expiring link they were sent.
 */
public final class Roles {

    /** A CRM system of one tenant: files and reads that tenant's complaints, manages its webhooks. */
    public static final String CRM_CLIENT = "crm-client";
    /**
     * Decides escalations at supervisor level, up to a supervisor's limit in the tenant's policy, and
     * approves public review responses.
     */
    public static final String SUPERVISOR = "supervisor";
    /**
     * Everything a supervisor may (the platform maps the role to supervisor too), and decides
     * escalations at manager level, up to a manager's limit.
     */
    public static final String MANAGER = "manager";
    /** Changes the recovery policy, erases customers, issues API keys. */
    public static final String POLICY_ADMIN = "policy-admin";
    /** Runs the platform: parked messages, dead letters, metrics where they are closed. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
