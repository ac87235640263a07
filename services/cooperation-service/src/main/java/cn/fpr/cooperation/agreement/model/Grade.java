package cn.fpr.cooperation.agreement.model;

import java.math.BigDecimal;
import java.util.List;

/** The yearly assessment grade: 好 / 較好 / 一般 / 差. */
public enum Grade {
    /** 好 */ GOOD,
    /** 較好 */ FAIRLY_GOOD,
    /** 一般 */ AVERAGE,
    /** 差 */ POOR;

    /**
     * The criteria [P/D]: the overall share of targets met needed for each grade; a year in which
     * funds or cadre dispatch fell is graded at best {@code declineCap}.
     */
    public record Criteria(BigDecimal good, BigDecimal fairlyGood, BigDecimal average, Grade declineCap) {

        public static Criteria standard() {
            return new Criteria(new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("75"), AVERAGE);
        }
    }

    public static Grade assess(BigDecimal overallPercent, List<YearOnYear.Decline> declines, Criteria criteria) {
        Grade byProgress = overallPercent.compareTo(criteria.good()) >= 0 ? GOOD
                : overallPercent.compareTo(criteria.fairlyGood()) >= 0 ? FAIRLY_GOOD
                : overallPercent.compareTo(criteria.average()) >= 0 ? AVERAGE : POOR;
        if (!declines.isEmpty() && byProgress.ordinal() < criteria.declineCap().ordinal()) {
            return criteria.declineCap();
        }
        return byProgress;
    }
}
