package cn.fpr.cooperation.partner.model;

import cn.fpr.platform.rules.RuleBroken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerScopeTest {

    @Test
    void a_provinces_system_covers_every_pairing_of_that_province_at_every_level() {
        PartnerScope guangdong = new PartnerScope("440000");
        assertThat(guangdong.covers("440000")).isTrue();            // Guangdong–Guizhou
        assertThat(guangdong.covers("440306")).isTrue();            // Bao'an, Shenzhen – Weining
        assertThat(guangdong.covers("440306101")).isTrue();         // a town of Bao'an
        assertThat(guangdong.covers("330000")).isFalse();           // Zhejiang's
    }

    @Test
    void a_citys_system_covers_only_pairings_whose_eastern_party_is_in_that_city() {
        PartnerScope shenzhen = new PartnerScope("440300");
        assertThat(shenzhen.covers("440306")).isTrue();
        assertThat(shenzhen.covers("441900")).isFalse();            // Dongguan
        assertThat(shenzhen.covers("440000")).isFalse();            // the province pairing is above the city
    }

    @Test
    void a_partner_must_be_a_region_of_a_province_that_helps_a_western_one() {
        assertThatThrownBy(() -> new PartnerScope("520000")).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("eastern province");          // Guizhou is helped, not helping
        assertThatThrownBy(() -> new PartnerScope("4403")).isInstanceOf(RuleBroken.class);
        assertThat(new PartnerScope("120000").covers("120101")).isTrue();   // Tianjin
    }
}
