package dev.amends.contract;

/** The services that produce and consume events; the name is also the CloudEvents source. */
public enum Service {
    INTAKE("intake-service"),
    RECOVERY("recovery-service"),
    NOTIFICATION("notification-service"),
    REVIEW("review-service");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
