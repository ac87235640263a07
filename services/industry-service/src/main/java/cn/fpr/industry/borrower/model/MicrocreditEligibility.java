package cn.fpr.industry.borrower.model;

import cn.fpr.contracts.HouseholdCategory;

import java.util.Set;

/**
 * Who may borrow a poverty-alleviation microloan (脫貧人口小額信貸): registered households lifted
 * from poverty everywhere; other monitored households only in provinces that extend it to them [P].
 */
public final class MicrocreditEligibility {

    private final Set<String> provincesLendingToMonitored;

    public MicrocreditEligibility(Set<String> provincesLendingToMonitored) {
        this.provincesLendingToMonitored = Set.copyOf(provincesLendingToMonitored);
    }

    public boolean eligible(HouseholdCategory category, String provinceCode) {
        return category == HouseholdCategory.UNSTABLE_LIFTED || provincesLendingToMonitored.contains(provinceCode);
    }
}
