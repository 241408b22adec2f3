package dev.amends.platform.security;

/**
 * The four roles of the platform, as the identity provider's {@code groups} claim names them. A
 * customer has no role: their only way in is the signed, expiring link they were sent.
 */
public final class Roles {

    /** A CRM system of one tenant: files and reads that tenant's complaints, manages its webhooks. */
    public static final String CRM_CLIENT = "crm-client";
    /** Decides escalations and approves public review responses. */
    public static final String SUPERVISOR = "supervisor";
    /** Changes the recovery policy, erases customers, issues API keys. */
    public static final String POLICY_ADMIN = "policy-admin";
    /** Runs the platform: parked messages, dead letters, metrics where they are closed. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
