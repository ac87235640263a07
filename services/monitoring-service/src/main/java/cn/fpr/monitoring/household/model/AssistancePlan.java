package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.RiskType;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.fpr.contracts.AssistanceNeed.*;

/**
 * Assistance by risk type: households with labour get development-type help (industry, jobs);
 * households without labour get social-security backing (兜底保障) instead of it.
 */
public final class AssistancePlan {

    private static final Map<RiskType, List<AssistanceNeed>> BY_RISK = new EnumMap<>(RiskType.class);
    private static final Set<AssistanceNeed> DEVELOPMENT = EnumSet.of(SUITABLE_WORK, JOB_PLACEMENT, PUBLIC_WELFARE_POST,
            EMPLOYMENT_SUBSIDY, SKILLS_TRAINING, INDUSTRY_SUPPORT, MICROCREDIT, TECHNICAL_HELP);

    static {
        BY_RISK.put(RiskType.ILLNESS, List.of(MEDICAL_ASSISTANCE, SUITABLE_WORK));
        BY_RISK.put(RiskType.DISABILITY, List.of(MEDICAL_ASSISTANCE, DISABILITY_SUBSIDY, SUITABLE_WORK));
        BY_RISK.put(RiskType.SCHOOLING, List.of(EDUCATION_AID));
        BY_RISK.put(RiskType.UNSTABLE_EMPLOYMENT, List.of(JOB_PLACEMENT, PUBLIC_WELFARE_POST, EMPLOYMENT_SUBSIDY, SKILLS_TRAINING));
        BY_RISK.put(RiskType.INDUSTRY_FAILURE, List.of(INDUSTRY_SUPPORT, MICROCREDIT, TECHNICAL_HELP));
        BY_RISK.put(RiskType.NATURAL_DISASTER, List.of(EMERGENCY_RELIEF, HOUSING_REPAIR, JOB_PLACEMENT, INDUSTRY_SUPPORT));
        BY_RISK.put(RiskType.ACCIDENT, List.of(EMERGENCY_RELIEF, HOUSING_REPAIR, JOB_PLACEMENT, INDUSTRY_SUPPORT));
        BY_RISK.put(RiskType.LACK_OF_LABOUR, List.of(SOCIAL_SECURITY_BACKING));
        BY_RISK.put(RiskType.OTHER, List.of());
    }

    /** The needs, in a stable order, for the household's risks. */
    public static List<AssistanceNeed> needsFor(Set<RiskType> riskTypes, boolean hasLabour) {
        Set<AssistanceNeed> needs = EnumSet.noneOf(AssistanceNeed.class);
        riskTypes.forEach(risk -> needs.addAll(BY_RISK.get(risk)));
        if (!hasLabour) {
            needs.removeAll(DEVELOPMENT);
            needs.add(SOCIAL_SECURITY_BACKING);
        }
        return List.copyOf(needs);
    }

    private AssistancePlan() {
    }
}
