package cn.fpr.platform;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClockTest {

    private static final Instant ORIGIN = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void at_1440_times_a_minute_on_the_wall_is_a_day_of_the_demonstration() {
        Clock wall = Clock.fixed(ORIGIN.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        assertThat(new DemoClock(wall, ORIGIN, 1440).instant()).isEqualTo(ORIGIN.plus(Duration.ofDays(5)));
    }

    @Test
    void processes_given_the_same_origin_read_the_same_time_whenever_each_started() {
        Clock wall = Clock.fixed(ORIGIN.plus(Duration.ofSeconds(90)), ZoneOffset.UTC);
        DemoClock first = new DemoClock(wall, ORIGIN, 60);
        DemoClock second = new DemoClock(wall, ORIGIN, 60);
        assertThat(first.instant()).isEqualTo(second.instant()).isEqualTo(ORIGIN.plus(Duration.ofMinutes(90)));
    }

    @Test
    void a_demonstration_resumed_after_a_stop_goes_on_from_where_it_stood() {
        Instant stoodAt = Instant.parse("2026-12-20T00:00:00Z");
        Instant restarted = ORIGIN.plus(Duration.ofHours(12));
        Clock wall = Clock.fixed(restarted.plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        assertThat(new DemoClock(wall, restarted, stoodAt, 1440).instant()).isEqualTo(stoodAt.plus(Duration.ofDays(2)));
    }
}
