package cn.fpr.contracts;

/** Assistance a monitored household needs, derived from its risk types and whether it has labour. */
public enum AssistanceNeed {
    /** 醫療保險和救助 */ MEDICAL_ASSISTANCE,
    /** 殘疾人補貼 */ DISABILITY_SUBSIDY,
    /** suitable work for the ill or disabled */ SUITABLE_WORK,
    /** 教育資助, 雨露計劃 */ EDUCATION_AID,
    /** 就業崗位 */ JOB_PLACEMENT,
    /** 公益崗位 */ PUBLIC_WELFARE_POST,
    /** 就業補貼 */ EMPLOYMENT_SUBSIDY,
    /** 技能培訓 */ SKILLS_TRAINING,
    /** 產業扶持 */ INDUSTRY_SUPPORT,
    /** 小額信貸 */ MICROCREDIT,
    /** 技術幫扶 */ TECHNICAL_HELP,
    /** 應急救助 */ EMERGENCY_RELIEF,
    /** 住房修繕 */ HOUSING_REPAIR,
    /** 低保 and other social-security backing (兜底保障) */ SOCIAL_SECURITY_BACKING
}
