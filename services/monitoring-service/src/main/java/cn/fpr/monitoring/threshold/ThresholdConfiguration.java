package cn.fpr.monitoring.threshold;

import cn.fpr.monitoring.threshold.model.MonitoringLines;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ThresholdConfiguration {

    @Bean
    MonitoringLines monitoringLines(MonitoringLinesProperties properties) {
        return properties.toLines();
    }
}
