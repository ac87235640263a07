package cn.fpr.cooperation.pairing.model;

/** Levels of east–west pairing, from provinces down to single institutions. */
public enum PairingLevel {
    PROVINCE, CITY_COUNTY, COUNTY_COUNTY, TOWN_TOWN, VILLAGE_VILLAGE, ENTERPRISE_VILLAGE, SCHOOL, HOSPITAL
}
