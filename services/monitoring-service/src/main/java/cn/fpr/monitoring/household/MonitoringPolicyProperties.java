package cn.fpr.monitoring.household;

import cn.fpr.contracts.CaseStep;
import cn.fpr.monitoring.casework.model.StepLimits;
import cn.fpr.monitoring.household.model.LivelihoodStandards;
import cn.fpr.monitoring.household.model.ProvincePolicies;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code fpr.monitoring.policy}: the national defaults and each province's own settings [P] —
 * step limits of identification and exit, the notice period, months of stable income for exit,
 * and the water and rigid-spending standards. Anything a province leaves out is the national value.
 */
@ConfigurationProperties("fpr.monitoring.policy")
public record MonitoringPolicyProperties(Settings national, Map<String, Settings> provinces) {

    /** One set of settings; null fields fall back to the national ones. */
    public record Settings(Map<CaseStep, Integer> stepDays, Integer wholeDays, Integer minimumNoticeDays,
                           Integer requiredStableMonths, BigDecimal minimumWaterLitresPerPersonPerDay,
                           Integer maximumFetchingMinutes, BigDecimal minimumWaterSupplyGuaranteePercent,
                           BigDecimal largeRigidSpendingShareOfLine) {
    }

    public ProvincePolicies toPolicies() {
        ProvincePolicies.Policy base = ProvincePolicies.nationalDefaults().of("");
        ProvincePolicies.Policy nationalPolicy = national == null ? base : merge(base, national);
        Map<String, ProvincePolicies.Policy> byProvince = new HashMap<>();
        if (provinces != null) {
            provinces.forEach((province, settings) -> byProvince.put(province, merge(nationalPolicy, settings)));
        }
        return new ProvincePolicies(nationalPolicy, byProvince);
    }

    private static ProvincePolicies.Policy merge(ProvincePolicies.Policy base, Settings settings) {
        Map<CaseStep, Integer> days = new EnumMap<>(base.limits().stepDays());
        if (settings.stepDays() != null) {
            days.putAll(settings.stepDays());
        }
        StepLimits limits = new StepLimits(days, or(settings.wholeDays(), base.limits().wholeDays()),
                or(settings.minimumNoticeDays(), base.limits().minimumNoticeDays()));
        LivelihoodStandards standards = new LivelihoodStandards(
                or(settings.minimumWaterLitresPerPersonPerDay(), base.standards().minimumLitresPerPersonPerDay()),
                or(settings.maximumFetchingMinutes(), base.standards().maximumFetchingMinutes()),
                or(settings.minimumWaterSupplyGuaranteePercent(), base.standards().minimumSupplyGuaranteePercent()),
                or(settings.largeRigidSpendingShareOfLine(), base.standards().largeRigidSpendingShareOfLine()));
        return new ProvincePolicies.Policy(limits, or(settings.requiredStableMonths(), base.requiredStableMonths()), standards);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
