package cn.fpr.industry.borrower;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Set;

/** {@code fpr.industry.microcredit}: provinces that lend to monitored households not lifted from poverty [P]. */
@ConfigurationProperties("fpr.industry.microcredit")
public record MicrocreditProperties(Set<String> provincesLendingToMonitored) {

    public MicrocreditProperties {
        provincesLendingToMonitored = provincesLendingToMonitored == null ? Set.of() : Set.copyOf(provincesLendingToMonitored);
    }
}
