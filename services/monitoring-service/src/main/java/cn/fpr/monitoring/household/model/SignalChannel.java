package cn.fpr.monitoring.household.model;

/** The doors a risk signal comes through. */
public enum SignalChannel {
    /** 農戶自主申報 */ SELF_DECLARATION,
    /** 基層幹部排查 */ CADRE_VISIT,
    /** 部門篩查預警 */ DEPARTMENT,
    /** job lost or loan overdue, reported by the assistance services */ ASSISTANCE_EVENT,
    /** the province's line changed */ THRESHOLD_CHANGE
}
