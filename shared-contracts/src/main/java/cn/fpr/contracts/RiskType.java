package cn.fpr.contracts;

/** The official risk types of the monitoring mechanism. */
public enum RiskType {
    /** 因病 */ ILLNESS,
    /** 因學 */ SCHOOLING,
    /** 因殘 */ DISABILITY,
    /** 因自然災害 */ NATURAL_DISASTER,
    /** 因意外事故 */ ACCIDENT,
    /** 因產業項目失敗 */ INDUSTRY_FAILURE,
    /** 因務工就業不穩 */ UNSTABLE_EMPLOYMENT,
    /** 缺勞動力 */ LACK_OF_LABOUR,
    /** 其他 */ OTHER
}
