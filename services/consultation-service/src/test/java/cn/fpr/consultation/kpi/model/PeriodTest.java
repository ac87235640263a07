package cn.fpr.consultation.kpi.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    @Test
    void a_month_counts_its_flows_from_its_first_to_its_last_day() {
        Period march = Period.parse("2026-03");
        assertThat(march.first()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.last()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 4, 1))).isFalse();
    }

    @Test
    void stocks_are_counted_at_the_end_of_a_past_period_and_today_in_a_running_one() {
        assertThat(Period.parse("2026-02").asOf(TODAY)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Period.parse("2026-03").asOf(TODAY)).isEqualTo(TODAY);
        assertThat(Period.parse("2026").asOf(TODAY)).isEqualTo(TODAY);
        assertThat(Period.parse("2025").asOf(TODAY)).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void something_is_ongoing_from_the_day_it_starts_until_the_day_it_ends() {
        LocalDate flagged = LocalDate.of(2026, 3, 5);
        LocalDate eliminated = LocalDate.of(2026, 3, 10);
        assertThat(Period.ongoing(flagged, eliminated, LocalDate.of(2026, 3, 4))).isFalse();
        assertThat(Period.ongoing(flagged, eliminated, flagged)).isTrue();
        assertThat(Period.ongoing(flagged, eliminated, eliminated)).isFalse();
        assertThat(Period.ongoing(flagged, null, TODAY)).isTrue();
    }

    @Test
    void a_period_is_a_month_or_a_year() {
        assertThatThrownBy(() -> Period.parse("March")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
