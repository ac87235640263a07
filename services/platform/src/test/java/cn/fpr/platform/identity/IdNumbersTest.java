package cn.fpr.platform.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumbersTest {

    private static final String VALID = IdNumbers.withCheckCharacter("52052619880514123");

    @Test
    void a_number_with_its_check_character_is_valid_and_any_single_change_is_caught() {
        assertThat(IdNumbers.isValid(VALID)).isTrue();
        String oneDigitWrong = VALID.substring(0, 10) + (char) ('0' + (VALID.charAt(10) - '0' + 1) % 10) + VALID.substring(11);
        assertThat(IdNumbers.isValid(oneDigitWrong)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "52052619880514123", "5205261988051412345", "52052619880514123x", "A20526198805141234"})
    void malformed_numbers_are_invalid(String text) {
        assertThat(IdNumbers.isValid(text)).isFalse();
    }

    @Test
    void the_mask_keeps_the_region_and_the_last_four_and_hides_the_birth_date() {
        assertThat(IdNumbers.mask(VALID)).isEqualTo("520526********" + VALID.substring(14)).doesNotContain("19880514");
        assertThat(IdNumbers.birthYear(VALID)).isEqualTo(1988);
    }

    @Test
    void the_keyed_hash_is_stable_for_one_key_and_differs_between_keys() {
        IdNumberHasher hasher = new IdNumberHasher("key-one-for-tests-only");
        assertThat(hasher.hash(VALID)).isEqualTo(hasher.hash(VALID)).hasSize(64).doesNotContain(VALID);
        assertThat(new IdNumberHasher("key-two-for-tests-only").hash(VALID)).isNotEqualTo(hasher.hash(VALID));
        assertThatThrownBy(() -> new IdNumberHasher("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
