package cn.fpr.contracts;

/** The steps of identification and of exit, in order. */
public enum CaseStep {
    /** 入戶核實, with the household's signed authorisation */ HOUSEHOLD_VISIT,
    /** 縣級部門信息比對 */ DATA_CROSS_CHECK,
    /** 村民主評議 + 公示 (public notice of at least 5 days) */ VILLAGE_REVIEW,
    /** 鄉鎮審核 */ TOWNSHIP_REVIEW,
    /** 縣審批 + 公告 */ COUNTY_APPROVAL
}
