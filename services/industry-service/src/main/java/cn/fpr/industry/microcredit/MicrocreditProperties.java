package cn.fpr.industry.microcredit;

import cn.fpr.industry.microcredit.model.LoanPolicy;
import cn.fpr.industry.microcredit.model.LprRates;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code fpr.industry.microcredit}: the loan prime rates in force, the national microcredit rules
 * and each province's own [P] (a province's settings replace the national ones whole).
 */
@ConfigurationProperties("fpr.industry.microcredit")
public record MicrocreditProperties(LprRates lpr, LoanPolicy national, Map<String, LoanPolicy> provinces) {

    public LoanPolicy policyFor(String provinceCode) {
        if (provinces != null && provinces.containsKey(provinceCode)) {
            return provinces.get(provinceCode);
        }
        return national == null ? LoanPolicy.national() : national;
    }
}
