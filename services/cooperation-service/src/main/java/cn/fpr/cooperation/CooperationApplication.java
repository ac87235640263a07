package cn.fpr.cooperation;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** East–west cooperation: pairings, agreements, funds, cadres, labour offers, consumption assistance, partner API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CooperationApplication {

    /** The application with its own configuration file, {@code cooperation.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CooperationApplication.class).properties("spring.config.name=cooperation");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
