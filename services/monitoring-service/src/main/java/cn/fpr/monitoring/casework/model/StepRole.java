package cn.fpr.monitoring.casework.model;

import cn.fpr.contracts.CaseStep;

/** Who may take each step of identification and exit. */
public enum StepRole {
    /** visits the household, with its signed authorisation */ VILLAGE_CADRE,
    /** compares the household with departmental data */ COUNTY_DEPARTMENT_OFFICER,
    /** holds the village democratic review and posts the public notice */ VILLAGE_COMMITTEE,
    /** reviews at township level */ TOWNSHIP_REVIEWER,
    /** approves at county level */ COUNTY_OFFICIAL;

    public static StepRole forStep(CaseStep step) {
        return switch (step) {
            case HOUSEHOLD_VISIT -> VILLAGE_CADRE;
            case DATA_CROSS_CHECK -> COUNTY_DEPARTMENT_OFFICER;
            case VILLAGE_REVIEW -> VILLAGE_COMMITTEE;
            case TOWNSHIP_REVIEW -> TOWNSHIP_REVIEWER;
            case COUNTY_APPROVAL -> COUNTY_OFFICIAL;
        };
    }
}
