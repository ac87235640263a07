package cn.fpr.monitoring.household.model;

/** What a signal led to, as told back to whoever sent it. */
public enum SignalOutcome {
    /** At risk: an identification case was opened. */
    CASE_OPENED,
    /** An identification case was already open; the signal was linked to it. */
    LINKED_TO_OPEN_CASE,
    /** Already monitored; the signal was added to its file. */
    ALREADY_MONITORED,
    /** Not at risk by the rules; the signal was recorded. */
    NOT_AT_RISK,
    /** The same signal was received before; nothing changed. */
    DUPLICATE
}
