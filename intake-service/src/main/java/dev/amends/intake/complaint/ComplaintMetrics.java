package dev.amends.intake.complaint;

import dev.amends.platform.metrics.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What operations see of complaints coming in: by category and severity, by root cause (which
 * internal systems keep failing customers), and how many are reopened.
 */
@ApplicationScoped
public class ComplaintMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    ComplaintMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    void received(Complaint complaint) {
        afterCommit.run(() -> registry.counter("amends.complaints.received",
                "category", complaint.category.name(),
                "severity", complaint.severity.name(),
                "over_service", String.valueOf(complaint.overService)).increment());
        // The tags are the triage's fixed vocabulary, so the series stay few.
        for (String cause : complaint.rootCauses.split(",")) {
            if (!cause.isEmpty()) {
                afterCommit.run(() -> registry.counter("amends.complaints.root.cause", "cause", cause).increment());
            }
        }
    }

    public void reopened(Complaint complaint) {
        afterCommit.run(() -> registry.counter("amends.complaints.reopened",
                "category", complaint.category.name()).increment());
    }
}
