package cn.fpr.industry.project.model;

/** Where a project of the project database stands. */
public enum ProjectStatus {
    /** proposed by the village */ PROPOSED,
    /** reviewed by the township */ TOWNSHIP_REVIEWED,
    /** approved by the county: may be funded */ APPROVED,
    /** turned down at a step */ REJECTED,
    /** built; its assets are registered */ COMPLETED
}
