package cn.fpr.monitoring.household.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What risk assessment looks at, as of one day.
 *
 * @param size                      number of members
 * @param annualNetIncomeYuan       net income of the household over a year
 * @param unresolvedRigidSpending   rigid spending not yet resolved (medical out-of-pocket, education)
 * @param housing                   housing safety grade, if appraised
 * @param water                     drinking-water indicators, if surveyed
 * @param members                   what counts for the guarantees, per member
 * @param foodAndClothingSecure     不愁吃穿, as the cadre found it
 */
public record HouseholdConditions(int size, BigDecimal annualNetIncomeYuan, BigDecimal unresolvedRigidSpending,
                                  HousingGrade housing, DrinkingWater water, List<MemberConditions> members,
                                  boolean foodAndClothingSecure) {

    /** Per member: school stage and whether medically insured. */
    public record MemberConditions(SchoolStage schoolStage, boolean medicallyInsured) {
    }
}
