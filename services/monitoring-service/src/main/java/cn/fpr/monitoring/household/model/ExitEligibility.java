package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.RiskType;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Risk elimination (風險消除): income stably above the current year's line for at least the
 * required months [P, default 6], large rigid spending resolved, 兩不愁三保障 and drinking water
 * secure. Households without labour backed by social security are never exited: their risk
 * cannot be removed, and they stay tracked. Whether the risk itself is gone is confirmed at the
 * exit review's household visit.
 */
public final class ExitEligibility {

    /**
     * @param hasLabour                anyone in the household able to work
     * @param socialSecurityBacked     backed by minimum living allowance or similar (兜底)
     * @param riskTypes                the household's risks
     * @param unresolvedRigidSpending  rigid spending not yet resolved
     * @param unmet                    guarantees not secure
     * @param monthlyPerCapitaNet      per-capita net income by month, up to the last complete month
     */
    public record Facts(boolean hasLabour, boolean socialSecurityBacked, Set<RiskType> riskTypes,
                        BigDecimal unresolvedRigidSpending, Set<Guarantee> unmet, Map<YearMonth, BigDecimal> monthlyPerCapitaNet) {
    }

    /** Whether the household may enter exit review, how many stable months it has, and what stands in the way. */
    public record Decision(boolean eligible, int stableMonths, List<String> reasons) {
    }

    public static Decision check(Facts facts, BigDecimal currentLineYuan, YearMonth lastCompleteMonth, int requiredMonths) {
        int stable = stableMonths(facts.monthlyPerCapitaNet(), currentLineYuan, lastCompleteMonth);
        List<String> reasons = new ArrayList<>();
        if (facts.riskTypes().contains(RiskType.LACK_OF_LABOUR) || (!facts.hasLabour() && facts.socialSecurityBacked())) {
            reasons.add("a household without labour backed by social security is not exited; it stays tracked");
        }
        if (stable < requiredMonths) {
            reasons.add("income above the line for " + stable + " consecutive months, " + requiredMonths + " needed");
        }
        if (facts.unresolvedRigidSpending().signum() > 0) {
            reasons.add("large rigid spending not resolved");
        }
        if (!facts.unmet().isEmpty()) {
            reasons.add("not secure: " + facts.unmet());
        }
        return new Decision(reasons.isEmpty(), stable, List.copyOf(reasons));
    }

    /** Consecutive months, counting back from the last complete month, whose income a year at that rate is on or above the line. */
    static int stableMonths(Map<YearMonth, BigDecimal> monthly, BigDecimal line, YearMonth lastCompleteMonth) {
        int months = 0;
        for (YearMonth month = lastCompleteMonth; monthly.containsKey(month); month = month.minusMonths(1)) {
            if (monthly.get(month).multiply(BigDecimal.valueOf(12)).compareTo(line) < 0) {
                break;
            }
            months++;
        }
        return months;
    }

    private ExitEligibility() {
    }
}
