package cn.fpr.employment.opening;

import cn.fpr.employment.opening.model.EmploymentPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code fpr.employment.policy}: the national employment rules and each province's own [P]
 * (province code → settings; a province's settings replace the national ones whole).
 */
@ConfigurationProperties("fpr.employment.policy")
public record EmploymentPolicyProperties(EmploymentPolicy national, Map<String, EmploymentPolicy> provinces) {

    public EmploymentPolicy forCounty(String countyCode) {
        String province = countyCode.substring(0, 2) + "0000";
        if (provinces != null && provinces.containsKey(province)) {
            return provinces.get(province);
        }
        return national == null ? EmploymentPolicy.national() : national;
    }
}
