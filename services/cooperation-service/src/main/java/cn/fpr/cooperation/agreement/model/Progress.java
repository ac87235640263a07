package cn.fpr.cooperation.agreement.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/** Progress against every target from the recorded facts; the overall figure caps each indicator at 100% [D]. */
public final class Progress {

    /** One indicator: target, achieved, share achieved (percent). */
    public record Line(BigDecimal target, BigDecimal achieved, BigDecimal percent) {
    }

    public static Map<Indicator, Line> of(Map<Indicator, BigDecimal> targets, Map<Indicator, BigDecimal> achieved) {
        Map<Indicator, Line> lines = new EnumMap<>(Indicator.class);
        targets.forEach((indicator, target) -> {
            BigDecimal done = achieved.getOrDefault(indicator, BigDecimal.ZERO);
            BigDecimal percent = target.signum() == 0 ? BigDecimal.valueOf(100).setScale(1)
                    : done.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_EVEN);
            lines.put(indicator, new Line(target, done, percent));
        });
        return lines;
    }

    /** The mean share of the targets met, each counted at most 100%. */
    public static BigDecimal overall(Map<Indicator, Line> lines) {
        if (lines.isEmpty()) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal sum = lines.values().stream().map(line -> line.percent().min(BigDecimal.valueOf(100)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(lines.size()), 1, RoundingMode.HALF_EVEN);
    }

    private Progress() {
    }
}
