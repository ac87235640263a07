package cn.fpr.contracts;

/** How a case ended. */
public enum CaseOutcome {
    APPROVED,
    REJECTED
}
