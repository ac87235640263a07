package cn.fpr.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A clock a test moves by hand, so that time rules (15-day limits, 6-month exits) are walked
 * without waiting. Import {@link Configuration} to make it the service's clock.
 */
public final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** Moves to the start of a day (Beijing time) plus an hour. */
    public void setDay(LocalDate day) {
        now = day.atStartOfDay(zone).plusHours(1).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Makes a {@link MutableClock}, starting on the fixed test day, the service's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        MutableClock clock() {
            return new MutableClock(FixedClock.NOW, FixedClock.ZONE);
        }
    }
}
