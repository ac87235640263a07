package cn.fpr.monitoring.household.model;

import cn.fpr.monitoring.casework.model.StepLimits;

import java.util.Map;

/**
 * What each province sets for itself [P]: the procedure's step limits, the months of stable income
 * an exit needs, and the livelihood standards; national defaults where it sets nothing.
 */
public final class ProvincePolicies {

    /** One province's settings. */
    public record Policy(StepLimits limits, int requiredStableMonths, LivelihoodStandards standards) {
    }

    private final Policy national;
    private final Map<String, Policy> provinces;

    public ProvincePolicies(Policy national, Map<String, Policy> provinces) {
        this.national = national;
        this.provinces = Map.copyOf(provinces);
    }

    public static ProvincePolicies nationalDefaults() {
        return new ProvincePolicies(new Policy(StepLimits.national(), 6, LivelihoodStandards.national()), Map.of());
    }

    public Policy of(String provinceCode) {
        return provinces.getOrDefault(provinceCode, national);
    }
}
