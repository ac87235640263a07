package cn.fpr.employment.opening.model;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.platform.rules.NoPlaceLeft;
import cn.fpr.platform.rules.RuleBroken;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Who may be placed where: capacity, willingness to move, and the rules of public-welfare posts. */
public final class PlacementRules {

    /** Why the seeker cannot take the opening, or empty when they can. */
    public static Optional<String> refusal(Seeker seeker, OpeningTerms opening, LocalDate today, EmploymentPolicy policy) {
        if (seeker.employed()) {
            return Optional.of("already in work");
        }
        if (!seeker.labourCapacity().canWork()) {
            return Optional.of("not able to work");
        }
        Mobility distance = Mobility.between(seeker.homeCountyCode(), opening.workCountyCode());
        if (!seeker.willingness().accepts(distance)) {
            return Optional.of("willing to work " + seeker.willingness() + ", the opening is " + distance);
        }
        if (opening.kind() == OpeningKind.PUBLIC_WELFARE_POST) {
            if (seeker.labourCapacity() != LabourCapacity.WEAK_OR_HALF) {
                return Optional.of("public-welfare posts are for weak or half labour");
            }
            int age = today.getYear() - seeker.birthYear();
            if (age > policy.welfarePostMaximumAge()) {
                return Optional.of("public-welfare posts are for people up to " + policy.welfarePostMaximumAge() + ", not " + age);
            }
        }
        return Optional.empty();
    }

    /** Checks a placement before it is made; a full opening is a conflict, an unsuitable seeker a broken rule. */
    public static void check(Seeker seeker, OpeningTerms opening, int placesTaken, LocalDate today, EmploymentPolicy policy) {
        if (placesTaken >= opening.capacity()) {
            throw new NoPlaceLeft("all " + opening.capacity() + " places of the opening are taken");
        }
        refusal(seeker, opening, today, policy).ifPresent(reason -> {
            throw new RuleBroken("seekerId", reason);
        });
    }

    /** A workshop counts as an assistance workshop while it employs enough people lifted from poverty [P]. */
    public static boolean workshopCompliant(int liftedEmployees, EmploymentPolicy policy) {
        return liftedEmployees >= policy.workshopMinimumLiftedEmployees();
    }

    /** Work-for-relief pays at least the required share of its central funds as wages [P]. */
    public static boolean workForReliefCompliant(BigDecimal centralFundsYuan, BigDecimal labourPayYuan, EmploymentPolicy policy) {
        return labourPayYuan.compareTo(centralFundsYuan.multiply(policy.workForReliefMinimumLabourShare())) >= 0;
    }

    private PlacementRules() {
    }
}
