package cn.fpr.simulator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a grassroots office sends to approve a case's pending step, as the role that takes each step. */
public final class CaseSteps {

    /**
     * The body of {@code POST /api/v1/cases/{caseId}/steps} approving {@code step}; empty when it
     * cannot be taken today (the public notice, posted on the day the case opened, has not stood
     * {@code noticeDays} days yet) or is not a step of the procedure.
     */
    public static Optional<Map<String, Object>> approval(String step, LocalDate openedOn, LocalDate today, int noticeDays,
                                                        String actorId, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("step", step, "decision", "APPROVE", "actorId", actorId, "reason", reason));
        switch (step) {
            case "HOUSEHOLD_VISIT" -> body.putAll(Map.of("role", "VILLAGE_CADRE", "authorisationSigned", true));
            case "DATA_CROSS_CHECK" -> body.put("role", "COUNTY_DEPARTMENT_OFFICER");
            case "VILLAGE_REVIEW" -> {
                if (openedOn.isAfter(today.minusDays(noticeDays))) {
                    return Optional.empty();
                }
                body.putAll(Map.of("role", "VILLAGE_COMMITTEE", "noticePostedOn", openedOn.toString()));
            }
            case "TOWNSHIP_REVIEW" -> body.put("role", "TOWNSHIP_REVIEWER");
            case "COUNTY_APPROVAL" -> body.put("role", "COUNTY_OFFICIAL");
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(body);
    }

    private CaseSteps() {
    }
}
