package cn.fpr.cooperation.partner.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(30), Duration.ofMinutes(2));
    private final Instant failedAt = Instant.parse("2026-03-16T02:00:00Z");

    @Test
    void a_failed_notification_is_retried_after_a_wait_that_doubles_up_to_the_longest() {
        assertThat(schedule.next(1, failedAt)).contains(failedAt.plusSeconds(30));
        assertThat(schedule.next(2, failedAt)).contains(failedAt.plusSeconds(60));
        assertThat(schedule.next(3, failedAt)).contains(failedAt.plusSeconds(120));
        assertThat(schedule.next(4, failedAt)).contains(failedAt.plusSeconds(120));
    }

    @Test
    void after_the_last_attempt_fails_it_is_given_up() {
        assertThat(schedule.next(5, failedAt)).isEmpty();
    }
}
