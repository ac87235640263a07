package cn.fpr.monitoring.household.model;

/** What a department signal led to, as told back to the department. */
public enum SignalOutcome {
    /** The household fell below the line and was flagged as monitored. */
    FLAGGED,
    /** Already monitored; the signal was added to its file. */
    ALREADY_MONITORED,
    /** Still above the line; the signal was recorded. */
    NOT_AT_RISK,
    /** The same signal was received before; nothing changed. */
    DUPLICATE
}
