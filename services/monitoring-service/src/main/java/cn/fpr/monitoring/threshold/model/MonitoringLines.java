package cn.fpr.monitoring.threshold.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The monitoring line (監測標準) per province and year, in yuan of per-capita net income a year.
 * Provinces set their own line each year; it never falls below the national floor of that year
 * (2021: 6,000 yuan, about 1.5 times the old national poverty line). A year without its own
 * figure keeps the latest earlier one.
 */
public final class MonitoringLines {

    private final NavigableMap<Integer, BigDecimal> nationalFloor;
    private final Map<String, NavigableMap<Integer, BigDecimal>> provinceLines;

    public MonitoringLines(Map<Integer, BigDecimal> nationalFloor, Map<String, Map<Integer, BigDecimal>> provinceLines) {
        if (nationalFloor.isEmpty()) {
            throw new IllegalArgumentException("a national floor is needed for at least one year");
        }
        this.nationalFloor = new TreeMap<>(nationalFloor);
        this.provinceLines = new TreeMap<>();
        provinceLines.forEach((province, lines) -> this.provinceLines.put(province, new TreeMap<>(lines)));
    }

    /** The line a household of the province is assessed against in the year. */
    public BigDecimal lineFor(String provinceCode, int year) {
        Map.Entry<Integer, BigDecimal> floor = nationalFloor.floorEntry(year);
        BigDecimal floorYuan = floor == null ? nationalFloor.firstEntry().getValue() : floor.getValue();
        NavigableMap<Integer, BigDecimal> province = provinceLines.get(provinceCode);
        Map.Entry<Integer, BigDecimal> own = province == null ? null : province.floorEntry(year);
        return own == null ? floorYuan : own.getValue().max(floorYuan);
    }
}
