package cn.fpr.monitoring.household.model;

import java.math.BigDecimal;

/**
 * Drinking-water indicators of a household.
 *
 * @param litresPerPersonPerDay  quantity available
 * @param qualityMeetsStandard   water quality tested safe
 * @param fetchingMinutes        round trip to fetch water, 0 with tap water at home
 * @param supplyGuaranteePercent share of days supply is assured
 */
public record DrinkingWater(BigDecimal litresPerPersonPerDay, boolean qualityMeetsStandard, int fetchingMinutes,
                            BigDecimal supplyGuaranteePercent) {
}
