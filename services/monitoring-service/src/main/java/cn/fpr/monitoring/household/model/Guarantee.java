package cn.fpr.monitoring.household.model;

/** 兩不愁三保障 and drinking water: what must be secure for a household to be out of risk. */
public enum Guarantee {
    /** 不愁吃、不愁穿 */ FOOD_AND_CLOTHING,
    /** 義務教育有保障 */ COMPULSORY_EDUCATION,
    /** 基本醫療有保障 */ BASIC_MEDICAL_CARE,
    /** 住房安全有保障 */ SAFE_HOUSING,
    /** 飲水安全 */ SAFE_DRINKING_WATER
}
