package cn.fpr.contracts;

/** Kinds of job opening the employment service places people into. */
public enum OpeningKind {
    ENTERPRISE,
    /** 幫扶車間 */ ASSISTANCE_WORKSHOP,
    /** 鄉村公益崗位 */ PUBLIC_WELFARE_POST,
    /** 以工代賑 */ WORK_FOR_RELIEF,
    /** 東西部協作勞務崗位 */ EAST_WEST_LABOUR_OFFER
}
