package cn.fpr.contracts.household;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A monitored household's risk was eliminated (風險消除) after the exit review.
 *
 * @param householdId             registry household ID
 * @param region                  where it lives
 * @param perCapitaNetIncomeYuan  income at exit
 * @param stableMonths            months its income stayed above the line
 * @param caseId                  the exit case that approved it
 * @param eliminatedOn            the effective date of the county's approval
 */
public record HouseholdRiskEliminated(
        String householdId,
        Region region,
        BigDecimal perCapitaNetIncomeYuan,
        int stableMonths,
        String caseId,
        LocalDate eliminatedOn) implements HouseholdEvent {
}
