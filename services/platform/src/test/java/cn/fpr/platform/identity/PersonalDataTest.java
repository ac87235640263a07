package cn.fpr.platform.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTest {

    private final PersonalData data = new PersonalData("a-key-from-configuration");

    @Test
    void a_name_sealed_holds_nothing_of_the_clear_value_and_opens_again_with_the_key() {
        String sealed = data.seal("张三丰");

        assertThat(sealed).startsWith("k1:").doesNotContain("张三丰");
        assertThat(data.open(sealed)).isEqualTo("张三丰");
    }

    @Test
    void the_same_value_sealed_twice_looks_different_so_equal_names_cannot_be_told_apart_in_the_store() {
        assertThat(data.seal("13800138000")).isNotEqualTo(data.seal("13800138000"));
    }

    @Test
    void another_key_or_an_altered_value_does_not_open() {
        String sealed = data.seal("13800138000");
        int middle = sealed.length() / 2;   // within the ciphertext, clear of the last character's spare bits
        String altered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);

        assertThatThrownBy(() -> new PersonalData("another-key-altogether").open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> data.open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_missing_or_short_key_stops_the_service_naming_the_setting() {
        assertThatThrownBy(() -> new PersonalData(null)).hasMessageContaining("fpr.identity.personal-data-key");
        assertThatThrownBy(() -> new PersonalData("short")).hasMessageContaining("fpr.identity.personal-data-key");
    }

    @Test
    void nothing_stays_nothing() {
        assertThat(data.seal(null)).isNull();
        assertThat(data.open(null)).isNull();
    }
}
