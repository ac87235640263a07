package cn.fpr.simulator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a grassroots office sends to approve a case's pending step (its token says who takes it, in which role). */
public final class CaseSteps {

    /**
     * The body of {@code POST /api/v1/cases/{caseId}/steps} approving {@code step}; empty when it
     * cannot be taken today (the public notice, posted on the day the case opened, has not stood
     * {@code noticeDays} days yet) or is not a step of the procedure.
     */
    public static Optional<Map<String, Object>> approval(String step, LocalDate openedOn, LocalDate today, int noticeDays,
                                                        String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("step", step, "decision", "APPROVE", "reason", reason));
        switch (step) {
            case "HOUSEHOLD_VISIT" -> body.put("authorisationSigned", true);
            case "VILLAGE_REVIEW" -> {
                if (openedOn.isAfter(today.minusDays(noticeDays))) {
                    return Optional.empty();
                }
                body.put("noticePostedOn", openedOn.toString());
            }
            case "DATA_CROSS_CHECK", "TOWNSHIP_REVIEW", "COUNTY_APPROVAL" -> {
                // nothing more: who takes the step, in which role, is the caller's token
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(body);
    }

    private CaseSteps() {
    }
}
