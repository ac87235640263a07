package cn.fpr.monitoring.casework.model;

/** Where a case stands. */
public enum CaseStatus {
    OPEN, APPROVED, REJECTED
}
