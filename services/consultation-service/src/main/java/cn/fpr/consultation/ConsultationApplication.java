package cn.fpr.consultation;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consultation (會商): read models of every service for dashboards. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsultationApplication {

    /** The application with its own configuration file, {@code consultation.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ConsultationApplication.class).properties("spring.config.name=consultation");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
