package cn.fpr.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JurisdictionTest {

    @Test
    void a_province_covers_its_cities_counties_townships_and_villages_and_nothing_of_another_province() {
        Jurisdiction guizhou = new Jurisdiction("520000");

        assertThat(guizhou.covers("520000")).isTrue();
        assertThat(guizhou.covers("520100")).isTrue();
        assertThat(guizhou.covers("520526")).isTrue();
        assertThat(guizhou.covers("520526100")).isTrue();
        assertThat(guizhou.covers("520526100201")).isTrue();
        assertThat(guizhou.covers("620121")).isFalse();
        assertThat(guizhou.covers("330000")).isFalse();
    }

    @Test
    void a_county_covers_its_townships_but_not_its_neighbour_or_its_province() {
        Jurisdiction weining = new Jurisdiction("520526");

        assertThat(weining.covers("520526100")).isTrue();
        assertThat(weining.covers("520527")).isFalse();
        assertThat(weining.covers("520000")).isFalse();
    }

    @Test
    void a_city_covers_the_counties_of_the_city_only() {
        Jurisdiction guiyang = new Jurisdiction("520100");

        assertThat(guiyang.covers("520102")).isTrue();
        assertThat(guiyang.covers("520526")).isFalse();
    }

    @Test
    void the_country_covers_every_region_and_a_township_only_itself_and_its_villages() {
        assertThat(Jurisdiction.COUNTRY.covers("650000")).isTrue();
        assertThat(Jurisdiction.COUNTRY.covers(null)).as("an object of unknown region: the whole country only").isTrue();
        Jurisdiction township = new Jurisdiction("520526100");
        assertThat(township.covers("520526100201")).isTrue();
        assertThat(township.covers("520526101201")).isFalse();
        assertThat(township.covers(null)).isFalse();
    }

    @Test
    void a_pairing_of_provinces_concerns_each_county_of_both_and_a_county_pairing_its_province_but_not_a_neighbour() {
        Jurisdiction weining = new Jurisdiction("520526");
        assertThat(weining.overlaps("520000")).as("Guangdong–Guizhou concerns Weining").isTrue();
        assertThat(weining.overlaps("520526")).isTrue();
        assertThat(weining.overlaps("520527")).isFalse();
        assertThat(weining.overlaps("440000")).isFalse();
        assertThat(weining.overlaps(null)).isFalse();

        Jurisdiction guizhou = new Jurisdiction("520000");
        assertThat(guizhou.overlaps("520526")).as("a county pairing of Guizhou concerns the province").isTrue();
        assertThat(guizhou.overlaps("620121")).isFalse();
        assertThat(Jurisdiction.COUNTRY.overlaps("440300")).isTrue();
    }

    @Test
    void a_code_of_no_known_shape_is_refused() {
        assertThatThrownBy(() -> new Jurisdiction("52")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Jurisdiction("guizhou")).isInstanceOf(IllegalArgumentException.class);
    }
}
