package cn.fpr.monitoring.household.model;

/** Health of a household member as recorded. */
public enum HealthStatus {
    HEALTHY, CHRONIC_ILLNESS, SERIOUS_ILLNESS, DISABILITY
}
