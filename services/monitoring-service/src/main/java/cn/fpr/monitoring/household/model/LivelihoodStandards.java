package cn.fpr.monitoring.household.model;

import java.math.BigDecimal;

/**
 * The figures the guarantees are checked against [P], with the national defaults: at least 20 litres
 * per person a day, a fetching round trip of at most 20 minutes, supply assured at least 90% of the
 * time; rigid spending counts as large from half the monitoring line per person [D].
 */
public record LivelihoodStandards(BigDecimal minimumLitresPerPersonPerDay, int maximumFetchingMinutes,
                                  BigDecimal minimumSupplyGuaranteePercent, BigDecimal largeRigidSpendingShareOfLine) {

    public static LivelihoodStandards national() {
        return new LivelihoodStandards(new BigDecimal("20"), 20, new BigDecimal("90"), new BigDecimal("0.5"));
    }

    public boolean waterSecure(DrinkingWater water) {
        return water.qualityMeetsStandard()
                && water.litresPerPersonPerDay().compareTo(minimumLitresPerPersonPerDay) >= 0
                && water.fetchingMinutes() <= maximumFetchingMinutes
                && water.supplyGuaranteePercent().compareTo(minimumSupplyGuaranteePercent) >= 0;
    }
}
