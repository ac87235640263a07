package cn.fpr.industry.project.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The share of a county's central connection funds that goes to industry projects, against the
 * year's minimum (2021: 50%, 2022: 55%, 2023: 60% [N/P]; a later year keeps the latest minimum).
 */
public final class IndustryShare {

    /** One county's share in a year. */
    public record Share(String countyCode, int year, BigDecimal centralFundsYuan, BigDecimal industryYuan, BigDecimal sharePercent,
                        BigDecimal minimumPercent, boolean keyCounty) {

        public boolean shortfall() {
            return centralFundsYuan.signum() > 0 && sharePercent.compareTo(minimumPercent) < 0;
        }
    }

    private final NavigableMap<Integer, BigDecimal> minimumByYear;

    public IndustryShare(Map<Integer, BigDecimal> minimumByYear) {
        if (minimumByYear.isEmpty()) {
            throw new IllegalArgumentException("a minimum share is needed for at least one year");
        }
        this.minimumByYear = new TreeMap<>(minimumByYear);
    }

    public BigDecimal minimumFor(int year) {
        Map.Entry<Integer, BigDecimal> entry = minimumByYear.floorEntry(year);
        return entry == null ? minimumByYear.firstEntry().getValue() : entry.getValue();
    }

    public Share of(String countyCode, int year, BigDecimal centralFunds, BigDecimal industry, boolean keyCounty) {
        BigDecimal percent = centralFunds.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : industry.multiply(BigDecimal.valueOf(100)).divide(centralFunds, 2, RoundingMode.HALF_EVEN);
        return new Share(countyCode, year, centralFunds, industry, percent, minimumFor(year), keyCounty);
    }
}
