package cn.fpr.contracts.household;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A household was identified as monitored (納入監測): the assistance services act on it.
 *
 * @param householdId             registry household ID
 * @param region                  where it lives
 * @param category                monitored category
 * @param riskTypes               the risks found
 * @param perCapitaNetIncomeYuan  assessed per-capita net income after rigid spending
 * @param thresholdYuan           the province's monitoring line it was assessed against
 * @param labourMembers           members able to work (empty: social-security backing, not jobs)
 * @param flaggedOn               the effective date of identification
 */
public record HouseholdFlagged(
        String householdId,
        Region region,
        HouseholdCategory category,
        List<RiskType> riskTypes,
        BigDecimal perCapitaNetIncomeYuan,
        BigDecimal thresholdYuan,
        List<LabourMember> labourMembers,
        LocalDate flaggedOn) implements HouseholdEvent {
}
