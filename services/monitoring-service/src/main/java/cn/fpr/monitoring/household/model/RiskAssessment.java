package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a household is at risk of falling (back) into poverty. The province's line for the year is
 * the reference: per-capita net income after unresolved rigid spending below it puts a household at
 * risk. The line is not the only criterion: large rigid spending and any of 兩不愁三保障 or drinking
 * water not secure count too.
 */
public final class RiskAssessment {

    private static final Set<RiskType> SUDDEN = EnumSet.of(RiskType.ILLNESS, RiskType.ACCIDENT, RiskType.NATURAL_DISASTER);

    /**
     * @param perCapitaNetIncomeYuan income per person after rigid spending, rounded to the fen
     * @param lineYuan               the line it was compared with
     * @param belowLine              per-capita income below the line
     * @param largeRigidSpending     unresolved rigid spending per person at or above the large-spending mark
     * @param unmet                  guarantees not secure
     */
    public record Assessment(BigDecimal perCapitaNetIncomeYuan, BigDecimal lineYuan, boolean belowLine,
                             boolean largeRigidSpending, Set<Guarantee> unmet) {

        public boolean atRisk() {
            return belowLine || largeRigidSpending || !unmet.isEmpty();
        }
    }

    public static Assessment assess(HouseholdConditions household, BigDecimal lineYuan, LivelihoodStandards standards) {
        if (household.size() < 1) {
            throw new IllegalArgumentException("a household has at least one member");
        }
        BigDecimal size = BigDecimal.valueOf(household.size());
        BigDecimal perCapita = household.annualNetIncomeYuan().subtract(household.unresolvedRigidSpending())
                .divide(size, 2, RoundingMode.HALF_EVEN);
        BigDecimal spendingPerCapita = household.unresolvedRigidSpending().divide(size, 2, RoundingMode.HALF_EVEN);
        boolean large = household.unresolvedRigidSpending().signum() > 0
                && spendingPerCapita.compareTo(lineYuan.multiply(standards.largeRigidSpendingShareOfLine())) >= 0;
        return new Assessment(perCapita, lineYuan, perCapita.compareTo(lineYuan) < 0, large, unmet(household, standards));
    }

    /** The guarantees not secure: food and clothing, compulsory education, basic medical care, housing, water. */
    public static Set<Guarantee> unmet(HouseholdConditions household, LivelihoodStandards standards) {
        Set<Guarantee> unmet = EnumSet.noneOf(Guarantee.class);
        if (!household.foodAndClothingSecure()) {
            unmet.add(Guarantee.FOOD_AND_CLOTHING);
        }
        if (household.members().stream().anyMatch(member -> member.schoolStage() == SchoolStage.DROPPED_OUT)) {
            unmet.add(Guarantee.COMPULSORY_EDUCATION);
        }
        if (household.members().stream().anyMatch(member -> !member.medicallyInsured())) {
            unmet.add(Guarantee.BASIC_MEDICAL_CARE);
        }
        if (household.housing() != null && !household.housing().safe()) {
            unmet.add(Guarantee.SAFE_HOUSING);
        }
        if (household.water() != null && !standards.waterSecure(household.water())) {
            unmet.add(Guarantee.SAFE_DRINKING_WATER);
        }
        return unmet;
    }

    /**
     * The monitored category: households lifted from poverty are 脫貧不穩定戶; others hit by sudden
     * rigid spending from illness, accident or disaster are 突發嚴重困難戶; the rest 邊緣易致貧戶.
     */
    public static HouseholdCategory categorise(boolean liftedFromPoverty, Set<RiskType> riskTypes, BigDecimal rigidSpendingYuan) {
        if (liftedFromPoverty) {
            return HouseholdCategory.UNSTABLE_LIFTED;
        }
        boolean sudden = riskTypes.stream().anyMatch(SUDDEN::contains);
        if (sudden && rigidSpendingYuan.signum() > 0) {
            return HouseholdCategory.SUDDEN_HARDSHIP;
        }
        return HouseholdCategory.MARGINAL;
    }

    private RiskAssessment() {
    }
}
