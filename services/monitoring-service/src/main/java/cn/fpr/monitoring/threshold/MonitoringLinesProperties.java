package cn.fpr.monitoring.threshold;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code fpr.monitoring.lines}: the national floor by year and each province's own line by year
 * (province code → year → yuan). Provinces change these yearly; they are configuration, not code.
 */
@ConfigurationProperties("fpr.monitoring.lines")
public record MonitoringLinesProperties(Map<Integer, BigDecimal> nationalFloor,
                                        Map<String, Map<Integer, BigDecimal>> provinces) {
}
