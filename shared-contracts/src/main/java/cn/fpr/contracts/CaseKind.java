package cn.fpr.contracts;

/** The two workflows a monitoring case runs. */
public enum CaseKind {
    /** 識別: from a signal to a monitored household. */
    IDENTIFICATION,
    /** 風險消除: from monitored to risk eliminated. */
    EXIT
}
