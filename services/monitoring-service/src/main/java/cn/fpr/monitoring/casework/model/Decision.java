package cn.fpr.monitoring.casework.model;

/** A step's decision. Rejection at any step closes the case. */
public enum Decision {
    APPROVE, REJECT
}
