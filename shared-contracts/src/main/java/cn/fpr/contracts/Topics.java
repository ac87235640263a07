package cn.fpr.contracts;

import java.util.List;

/** Topic names and what each is keyed by. Household facts are keyed by household ID. */
public final class Topics {

    public static final String HOUSEHOLD_ID = "householdId";
    public static final String PAIRING_ID = "pairingId";

    /** Inbound warnings from departmental systems (they may also POST them to monitoring). */
    public static final Topic DEPARTMENT_SIGNALS = new Topic("fpr.signals.department.v1", HOUSEHOLD_ID);
    /** Monitoring's household facts: flagged, risk eliminated. */
    public static final Topic HOUSEHOLD = new Topic("fpr.monitoring.household.v1", HOUSEHOLD_ID);
    /** Employment facts about people of registered households: placed, lost, trained. */
    public static final Topic LABOUR = new Topic("fpr.employment.labour.v1", HOUSEHOLD_ID);
    /** Industry support reaching households: microloans and linkage dividends. */
    public static final Topic HOUSEHOLD_SUPPORT = new Topic("fpr.industry.household-support.v1", HOUSEHOLD_ID);
    /** The project database: approvals and funds allocated to projects. */
    public static final Topic PROJECT = new Topic("fpr.industry.project.v1", "projectId");
    /** County facts of industry assistance: industry-share shortfalls. */
    public static final Topic COUNTY = new Topic("fpr.industry.county.v1", "countyCode");
    /** East–west cooperation facts of a pairing: agreements, funds, labour offers. */
    public static final Topic PAIRING = new Topic("fpr.cooperation.pairing.v1", PAIRING_ID);

    public static final List<Topic> ALL = List.of(DEPARTMENT_SIGNALS, HOUSEHOLD, LABOUR, HOUSEHOLD_SUPPORT, PROJECT, COUNTY, PAIRING);

    /** The dead-letter topic of a consumer group on a topic: {@code error.<topic>.<group>} (the binder's naming). */
    public static String deadLetter(String topic, String group) {
        return "error." + topic + "." + group;
    }

    private Topics() {
    }
}
