package cn.fpr.monitoring.household.model;

/** School stage of a member; a child of compulsory-school age out of school breaks a guarantee. */
public enum SchoolStage {
    NOT_IN_SCHOOL_AGE, PRESCHOOL, COMPULSORY, SENIOR_SECONDARY, VOCATIONAL, HIGHER,
    /** 輟學: left compulsory education early */ DROPPED_OUT
}
