package cn.fpr.contracts;

/** Departments whose data screening raises early warnings (部門篩查預警). */
public enum Department {
    /** 民政 */ CIVIL_AFFAIRS,
    /** 醫保: large out-of-pocket medical costs */ MEDICAL_INSURANCE,
    /** 教育: school dropout */ EDUCATION,
    /** 殘聯 */ DISABLED_PERSONS_FEDERATION,
    /** 住建: unsafe housing */ HOUSING,
    /** 水利: drinking water */ WATER,
    /** 應急管理: disaster */ EMERGENCY_MANAGEMENT,
    /** 人社: job loss */ HUMAN_RESOURCES,
    /** 農業農村: failed industry project */ AGRICULTURE
}
