package cn.fpr.monitoring.household;

import cn.fpr.monitoring.household.model.ProvincePolicies;
import cn.fpr.monitoring.threshold.model.MonitoringLines;

import java.math.BigDecimal;
import java.util.UUID;

/** The rules in force for a change: monitoring lines and provincial policies. */
public record Rules(MonitoringLines lines, ProvincePolicies policies) {

    /** The line of the household's province for the year of the occasion. */
    public BigDecimal lineFor(Household household, Occasion occasion) {
        return lines.lineFor(household.region().provinceCode(), occasion.today().getYear());
    }

    public ProvincePolicies.Policy policyFor(Household household) {
        return policies.of(household.region().provinceCode());
    }

    public static String newCaseId() {
        return "case-" + UUID.randomUUID();
    }
}
