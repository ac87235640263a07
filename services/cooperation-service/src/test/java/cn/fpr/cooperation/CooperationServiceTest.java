package cn.fpr.cooperation;

import cn.fpr.testsupport.MutableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cooperation service on the shared broker and store, on a clock the test moves. Every test
 * class of the service uses this one configuration, so they share one running service: its
 * notification loop is then the only one delivering to the test's stub partners.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CooperationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=cooperation",
        "fpr.cooperation.partner-api.callback-timeout=PT1S",
        "fpr.cooperation.partner-api.delivery-poll-interval=PT0.2S",
        "fpr.cooperation.partner-api.circuit.window=4",
        "fpr.cooperation.partner-api.circuit.minimum-calls=2",
        "fpr.cooperation.partner-api.circuit.open-for=PT10M",
        "fpr.cooperation.partner-api.allow-private-callbacks=true",
        "fpr.cooperation.partner-api.retries.first=PT1S",
        "fpr.cooperation.partner-api.retries.longest=PT2S"})
@Import(MutableClock.Configuration.class)
public @interface CooperationServiceTest {
}
