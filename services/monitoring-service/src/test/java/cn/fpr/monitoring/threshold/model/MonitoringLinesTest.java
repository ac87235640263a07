package cn.fpr.monitoring.threshold.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringLinesTest {

    private final MonitoringLines lines = new MonitoringLines(
            Map.of(2021, yuan(6000)),
            Map.of("520000", Map.of(2024, yuan(7000), 2026, yuan(7300)),
                    "630000", Map.of(2022, yuan(5500))));

    @Test
    void a_province_is_assessed_against_its_own_line_for_the_year() {
        assertThat(lines.lineFor("520000", 2026)).isEqualByComparingTo("7300");
        assertThat(lines.lineFor("520000", 2024)).isEqualByComparingTo("7000");
    }

    @Test
    void a_year_without_a_new_figure_keeps_the_latest_earlier_line() {
        assertThat(lines.lineFor("520000", 2025)).isEqualByComparingTo("7000");
    }

    @Test
    void a_province_without_its_own_line_uses_the_national_floor() {
        assertThat(lines.lineFor("450000", 2026)).isEqualByComparingTo("6000");
        assertThat(lines.lineFor("520000", 2022)).isEqualByComparingTo("6000");
    }

    @Test
    void no_province_line_falls_below_the_national_floor() {
        assertThat(lines.lineFor("630000", 2023)).isEqualByComparingTo("6000");
    }

    private static BigDecimal yuan(int amount) {
        return BigDecimal.valueOf(amount);
    }
}
