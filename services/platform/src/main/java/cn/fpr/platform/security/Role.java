package cn.fpr.platform.security;

/** What a caller may do, as its access token says (claim {@code roles}). */
public enum Role {
    /** A department's system: submits warnings for its own department. */
    DEPARTMENT,
    /** A village cadre: visits, household files, the village steps of a case. */
    VILLAGE_CADRE,
    /** A township reviewer: the township's review. */
    TOWNSHIP_REVIEWER,
    /** A county official: approvals, projects, loans, openings, placements of the county. */
    COUNTY_OFFICIAL,
    /** A province administrator: the province's monitoring line and settings. */
    PROVINCE_ADMIN,
    /** An eastern partner's system: its own pairings. */
    PARTNER,
    /** Someone at a consultation meeting: the dashboard of a region, read only. */
    DASHBOARD_VIEWER,
    /** An operator: dead letters, rebuilds, scans. */
    OPERATOR
}
