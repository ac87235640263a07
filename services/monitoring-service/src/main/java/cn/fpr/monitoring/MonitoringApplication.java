package cn.fpr.monitoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Monitoring: the household registry, discovery channels, risk assessment, identification and exit. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MonitoringApplication {

    /** The application with its own configuration file, {@code monitoring.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(MonitoringApplication.class).properties("spring.config.name=monitoring");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
