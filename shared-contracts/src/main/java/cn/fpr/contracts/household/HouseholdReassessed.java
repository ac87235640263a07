package cn.fpr.contracts.household;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A household's risk assessment changed because its province's monitoring line changed.
 *
 * @param householdId             registry household ID
 * @param region                  where it lives
 * @param year                    the year of the line
 * @param lineYuan                the new line
 * @param perCapitaNetIncomeYuan  its per-capita net income after rigid spending
 * @param atRisk                  below the new line
 * @param reassessedOn            effective date
 */
public record HouseholdReassessed(String householdId, Region region, int year, BigDecimal lineYuan,
                                  BigDecimal perCapitaNetIncomeYuan, boolean atRisk, LocalDate reassessedOn)
        implements HouseholdEvent {
}
