package cn.fpr.employment;

import cn.fpr.employment.indicator.EmploymentIndicators;
import cn.fpr.employment.opening.EmploymentPolicyProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Employment assistance: labour registry, openings, matching and placement, training, relocation sites. */
@SpringBootApplication
@EnableConfigurationProperties({EmploymentPolicyProperties.class, EmploymentIndicators.Targets.class})
public class EmploymentApplication {

    /** The application with its own configuration file, {@code employment.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(EmploymentApplication.class).properties("spring.config.name=employment");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
