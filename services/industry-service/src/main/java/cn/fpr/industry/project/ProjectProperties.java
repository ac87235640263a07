package cn.fpr.industry.project;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * {@code fpr.industry.projects}: the yearly minimum industry share of central connection funds
 * (percent) and the national key counties for rural revitalisation.
 */
@ConfigurationProperties("fpr.industry.projects")
public record ProjectProperties(Map<Integer, BigDecimal> minimumIndustrySharePercent, Set<String> keyCounties) {

    public ProjectProperties {
        minimumIndustrySharePercent = minimumIndustrySharePercent == null ? Map.of(2021, BigDecimal.valueOf(50))
                : Map.copyOf(minimumIndustrySharePercent);
        keyCounties = keyCounties == null ? Set.of() : Set.copyOf(keyCounties);
    }
}
