package cn.fpr.monitoring.household.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A member's job, as employment reported it: wages count for every month it covers.
 *
 * @param placementId      employment's placement
 * @param memberId         registry member
 * @param monthlyWageYuan  agreed wage
 * @param startDate        first day of work
 * @param endDate          last day of work, or null while in work
 * @param inAnnualIncome   whether the household's annual net income counts the wage: the figure was
 *                         set (reported, or verified at an exit) while the member was in this job
 */
public record Employment(String placementId, String memberId, BigDecimal monthlyWageYuan, LocalDate startDate,
                         LocalDate endDate, boolean inAnnualIncome) {

    /** A job just started: the household's annual net income, set before, does not count it yet. */
    public static Employment started(String placementId, String memberId, BigDecimal monthlyWageYuan, LocalDate startDate) {
        return new Employment(placementId, memberId, monthlyWageYuan, startDate, null, false);
    }

    /** Whether the job covered any day of the month (a month worked in part counts whole [D]). */
    public boolean covers(YearMonth month) {
        return !startDate.isAfter(month.atEndOfMonth()) && (endDate == null || !endDate.isBefore(month.atDay(1)));
    }

    public Employment endedOn(LocalDate lastDay) {
        return new Employment(placementId, memberId, monthlyWageYuan, startDate, lastDay, inAnnualIncome);
    }

    /** The job as the household's annual net income, set now, counts it (if it is still going on). */
    public Employment countedInAnnualIncome() {
        return endDate == null ? new Employment(placementId, memberId, monthlyWageYuan, startDate, null, true) : this;
    }

    /** The wage a year of this job brings. */
    public BigDecimal annualWageYuan() {
        return monthlyWageYuan.multiply(BigDecimal.valueOf(12));
    }
}
