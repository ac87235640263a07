package cn.fpr.cooperation.agreement.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Fiscal aid funds and cadre dispatch of a pairing must not fall from one year to the next [N]. */
public final class YearOnYear {

    public static final List<Indicator> MUST_NOT_FALL = List.of(Indicator.FISCAL_AID_YUAN, Indicator.CADRES_EXCHANGED);

    /** A fall from the year before. */
    public record Decline(Indicator indicator, BigDecimal previous, BigDecimal current) {
    }

    public static List<Decline> declines(java.util.Map<Indicator, BigDecimal> previousYear,
                                         java.util.Map<Indicator, BigDecimal> thisYear) {
        List<Decline> declines = new ArrayList<>();
        for (Indicator indicator : MUST_NOT_FALL) {
            BigDecimal previous = previousYear.getOrDefault(indicator, BigDecimal.ZERO);
            BigDecimal current = thisYear.getOrDefault(indicator, BigDecimal.ZERO);
            if (current.compareTo(previous) < 0) {
                declines.add(new Decline(indicator, previous, current));
            }
        }
        return List.copyOf(declines);
    }

    private YearOnYear() {
    }
}
