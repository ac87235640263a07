package cn.fpr.industry.project.model;

/** How a project links households (聯農帶農). */
public enum LinkageMode {
    /** inputs, technology, order purchase */ PRODUCTION_SUPPORT,
    /** priority hiring */ EMPLOYMENT,
    /** shares with a guaranteed dividend */ DIVIDEND
}
