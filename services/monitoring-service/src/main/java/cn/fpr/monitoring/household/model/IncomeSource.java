package cn.fpr.monitoring.household.model;

/** Sources of household income in the rural income statistics. */
public enum IncomeSource {
    /** 工資性收入 */ WAGES,
    /** 經營性收入 */ OPERATING,
    /** 財產性收入 (dividends, rent) */ PROPERTY,
    /** 轉移性收入 (pensions, subsidies, allowances) */ TRANSFER
}
