package cn.fpr.industry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Industry assistance: project database, connection funds, microcredit, farmer linkage and dividends. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IndustryApplication {

    /** The application with its own configuration file, {@code industry.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IndustryApplication.class).properties("spring.config.name=industry");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
