package cn.fpr.employment.seeker.model;

/** Matching priority of a job seeker. */
public enum Priority {
    /** From a household with no one in work at a relocation site (每戶一人以上就業). */
    ZERO_EMPLOYMENT_HOUSEHOLD,
    /** From a monitored household (防返貧監測對象). */
    MONITORED_HOUSEHOLD,
    /** Anyone else registered. */
    GENERAL
}
