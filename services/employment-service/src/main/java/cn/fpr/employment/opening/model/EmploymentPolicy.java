package cn.fpr.employment.opening.model;

import java.math.BigDecimal;

/**
 * Provincial settings of the employment rules [P], with the national defaults: a workshop employs
 * at least 5 people lifted from poverty; public-welfare posts are for weak or half labour up to 60,
 * extendable to 65; work-for-relief pays at least 20% of its central funds as wages.
 *
 * @param workshopMinimumLiftedEmployees  people lifted from poverty a workshop must employ
 * @param welfarePostMaximumAge           age limit of public-welfare posts
 * @param workForReliefMinimumLabourShare share of central funds paid as labour remuneration
 */
public record EmploymentPolicy(int workshopMinimumLiftedEmployees, int welfarePostMaximumAge,
                               BigDecimal workForReliefMinimumLabourShare) {

    public static EmploymentPolicy national() {
        return new EmploymentPolicy(5, 60, new BigDecimal("0.20"));
    }
}
