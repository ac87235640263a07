package cn.fpr.monitoring.household.model;

/** Where a household stands in monitoring. */
public enum MonitoringStatus {
    /** In the registry, not monitored. */
    REGISTERED,
    /** Identified as a monitored household (納入監測). */
    MONITORED,
    /** Risk eliminated (風險消除); the record stays and the household can be flagged again. */
    RISK_ELIMINATED
}
