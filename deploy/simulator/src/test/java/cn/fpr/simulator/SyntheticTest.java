package cn.fpr.simulator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticTest {

    @Test
    void synthetic_id_numbers_carry_the_county_the_birth_date_and_a_valid_check_character() {
        // the worked example of GB 11643-1999's check character
        assertThat(Synthetic.idNumber("110105", LocalDate.of(1949, 12, 31), 1)).hasSize(18).startsWith("11010519491231001");
        assertThat(Synthetic.idNumber("520526", LocalDate.of(1985, 3, 2), 141)).isEqualTo("52052619850302141X");
    }

    @Test
    void a_synthetic_household_lies_in_its_county_and_has_a_head() {
        Counties.County weining = Counties.ALL.get(0);
        Map<String, Object> household = new Synthetic(new Random(1)).household(weining, 7);
        assertThat(((Map<?, ?>) household.get("region")).get("countyCode")).isEqualTo("520526");
        assertThat(((Map<?, ?>) household.get("region")).get("townshipCode").toString()).startsWith("520526").hasSize(9);
        List<?> members = (List<?>) household.get("members");
        assertThat(members).isNotEmpty();
        assertThat(((Map<?, ?>) members.get(0)).get("relation")).isEqualTo("HEAD");
    }

    @Test
    void warnings_come_from_every_department_in_their_proportions() {
        Random random = new Random(3);
        Map<Scenario, Integer> counts = new java.util.EnumMap<>(Scenario.class);
        for (int i = 0; i < 10_000; i++) {
            counts.merge(Scenario.pick(random), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys(Scenario.values());
        assertThat(counts.get(Scenario.MEDICAL_COSTS)).isBetween(2700, 3300);
        assertThat(counts.get(Scenario.WATER_CHECK)).isBetween(350, 650);
    }
}
