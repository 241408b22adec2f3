package dev.amends.contract.complaint;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
