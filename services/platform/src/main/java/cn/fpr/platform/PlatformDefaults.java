package cn.fpr.platform;

import cn.fpr.platform.messaging.KafkaSecurity;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code fpr-platform-defaults.properties} as the lowest-precedence property source, so every
 * service gets the same retries, dead letters, producer guarantees and health probes without
 * repeating them; a service's own configuration still wins. Also turns the service's Kafka
 * credentials, if it has any, into client settings ({@link KafkaSecurity}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "fpr-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("fpr-platform-defaults", new ClassPathResource(RESOURCE)));
            KafkaSecurity.apply(environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
