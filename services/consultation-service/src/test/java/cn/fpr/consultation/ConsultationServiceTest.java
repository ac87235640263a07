package cn.fpr.consultation;

import cn.fpr.testsupport.FixedClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The consultation service on the shared broker and store, on the fixed test day (2026-03-16).
 * Every test class of the service uses this one configuration, so they share one running service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ConsultationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=consultation",
        "fpr.consultation.live-feed.poll-interval=PT0.1S",
        "fpr.consultation.live-feed.client-buffer=64",
        "fpr.consultation.live-feed.heartbeat=PT1S"})
@Import(FixedClock.class)
public @interface ConsultationServiceTest {
}
