package cn.fpr.industry.project.model;

/** Who takes each step of the project database's procedure. */
public enum ProjectRole {
    VILLAGE_COMMITTEE, TOWNSHIP_REVIEWER, COUNTY_OFFICIAL
}
