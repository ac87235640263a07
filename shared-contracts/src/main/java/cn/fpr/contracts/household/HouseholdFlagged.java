package cn.fpr.contracts.household;

import cn.fpr.contracts.AssistanceNeed;
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
 * @param hasLabour               whether anyone can work (development help) or not (social-security backing)
 * @param labourMembers           members able to work
 * @param assistanceNeeds         help the risk types call for
 * @param caseId                  the identification case that approved it
 * @param flaggedOn               the effective date of identification
 */
public record HouseholdFlagged(
        String householdId,
        Region region,
        HouseholdCategory category,
        List<RiskType> riskTypes,
        BigDecimal perCapitaNetIncomeYuan,
        BigDecimal thresholdYuan,
        boolean hasLabour,
        List<LabourMember> labourMembers,
        List<AssistanceNeed> assistanceNeeds,
        String caseId,
        LocalDate flaggedOn) implements HouseholdEvent {
}
