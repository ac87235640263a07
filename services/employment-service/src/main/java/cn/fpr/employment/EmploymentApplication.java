package cn.fpr.employment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Employment assistance: labour registry, openings, matching and placement, training, relocation sites. */
@SpringBootApplication
public class EmploymentApplication {

    /** The application with its own configuration file, {@code employment.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(EmploymentApplication.class).properties("spring.config.name=employment");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
