package cn.fpr.monitoring.casework.model;

import cn.fpr.contracts.CaseStep;

import java.util.EnumMap;
import java.util.Map;

/**
 * Time limits of the procedure: the whole within 15 days [N]; each step's limit and the public
 * notice's minimum days are set by the province [P] (defaults: visit 3, cross-check 5, village
 * review with notice 5, township 1, county 1 days; notice at least 5 days).
 *
 * @param stepDays          days allowed per step, counted from the previous step's decision
 * @param wholeDays         days allowed for the whole procedure, counted from the opening
 * @param minimumNoticeDays days the public notice must stand before the village review completes
 */
public record StepLimits(Map<CaseStep, Integer> stepDays, int wholeDays, int minimumNoticeDays) {

    /** The whole procedure takes at most 15 days and the notice stands at least 5, everywhere [N]. */
    public static final int NATIONAL_WHOLE_DAYS = 15;
    public static final int NATIONAL_MINIMUM_NOTICE_DAYS = 5;

    public StepLimits {
        if (wholeDays < 1 || wholeDays > NATIONAL_WHOLE_DAYS) {
            throw new IllegalArgumentException("the whole procedure takes 1 to " + NATIONAL_WHOLE_DAYS + " days, not " + wholeDays);
        }
        if (minimumNoticeDays < NATIONAL_MINIMUM_NOTICE_DAYS) {
            throw new IllegalArgumentException("a public notice stands at least " + NATIONAL_MINIMUM_NOTICE_DAYS + " days");
        }
        stepDays = Map.copyOf(stepDays);
        for (CaseStep step : CaseStep.values()) {
            if (!stepDays.containsKey(step)) {
                throw new IllegalArgumentException("no time limit for " + step);
            }
        }
    }

    public static StepLimits national() {
        Map<CaseStep, Integer> days = new EnumMap<>(CaseStep.class);
        days.put(CaseStep.HOUSEHOLD_VISIT, 3);
        days.put(CaseStep.DATA_CROSS_CHECK, 5);
        days.put(CaseStep.VILLAGE_REVIEW, 5);
        days.put(CaseStep.TOWNSHIP_REVIEW, 1);
        days.put(CaseStep.COUNTY_APPROVAL, 1);
        return new StepLimits(days, NATIONAL_WHOLE_DAYS, NATIONAL_MINIMUM_NOTICE_DAYS);
    }
}
