package cn.fpr.contracts;

import cn.fpr.contracts.household.RegionLevel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionLevelTest {

    @ParameterizedTest
    @CsvSource({"520000, PROVINCE, provinceCode", "520526, COUNTY, countyCode", "520526100, TOWNSHIP, townshipCode"})
    void a_code_names_its_level(String code, RegionLevel level, String field) {
        assertThat(RegionLevel.of(code)).isEqualTo(level);
        assertThat(RegionLevel.of(code).field()).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "52", "5205261", "52052610020", "52A526"})
    void other_shapes_are_refused(String code) {
        assertThatThrownBy(() -> RegionLevel.of(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
