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
 */
public record Employment(String placementId, String memberId, BigDecimal monthlyWageYuan, LocalDate startDate,
                         LocalDate endDate) {

    /** Whether the job covered any day of the month (a month worked in part counts whole [D]). */
    public boolean covers(YearMonth month) {
        return !startDate.isAfter(month.atEndOfMonth()) && (endDate == null || !endDate.isBefore(month.atDay(1)));
    }

    public Employment endedOn(LocalDate lastDay) {
        return new Employment(placementId, memberId, monthlyWageYuan, startDate, lastDay);
    }
}
