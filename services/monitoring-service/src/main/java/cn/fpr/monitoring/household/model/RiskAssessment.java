package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a household is at risk of falling (back) into poverty: its per-capita net income, after
 * large rigid spending such as medical out-of-pocket costs and schooling, is below the province's
 * monitoring line for the year.
 */
public final class RiskAssessment {

    private static final Set<RiskType> SUDDEN = EnumSet.of(RiskType.ILLNESS, RiskType.ACCIDENT, RiskType.NATURAL_DISASTER);

    /**
     * @param perCapitaNetIncomeYuan income per person after rigid spending, rounded to the fen
     * @param lineYuan               the line it was compared with
     * @param atRisk                 below the line
     */
    public record Assessment(BigDecimal perCapitaNetIncomeYuan, BigDecimal lineYuan, boolean atRisk) {
    }

    public static Assessment assess(BigDecimal annualNetIncomeYuan, BigDecimal rigidSpendingYuan, int householdSize,
                                    BigDecimal lineYuan) {
        if (householdSize < 1) {
            throw new IllegalArgumentException("a household has at least one member");
        }
        BigDecimal perCapita = annualNetIncomeYuan.subtract(rigidSpendingYuan)
                .divide(BigDecimal.valueOf(householdSize), 2, RoundingMode.HALF_EVEN);
        return new Assessment(perCapita, lineYuan, perCapita.compareTo(lineYuan) < 0);
    }

    /**
     * The monitored category: households lifted from poverty are 脫貧不穩定戶; others hit by sudden
     * rigid spending from illness, accident or disaster are 突發嚴重困難戶; the rest 邊緣易致貧戶.
     */
    public static HouseholdCategory categorise(boolean liftedFromPoverty, RiskType riskType, BigDecimal rigidSpendingYuan) {
        if (liftedFromPoverty) {
            return HouseholdCategory.UNSTABLE_LIFTED;
        }
        if (SUDDEN.contains(riskType) && rigidSpendingYuan.signum() > 0) {
            return HouseholdCategory.SUDDEN_HARDSHIP;
        }
        return HouseholdCategory.MARGINAL;
    }

    private RiskAssessment() {
    }
}
