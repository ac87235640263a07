package cn.fpr.industry.borrower.model;

import cn.fpr.contracts.HouseholdCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MicrocreditEligibilityTest {

    private final MicrocreditEligibility eligibility = new MicrocreditEligibility(Set.of("520000"));

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            // households lifted from poverty may borrow in every province
            "UNSTABLE_LIFTED, 450000, true",
            // other monitored households only where the province lends to them
            "MARGINAL,        520000, true",
            "MARGINAL,        450000, false",
            "SUDDEN_HARDSHIP, 450000, false",
    })
    void lifted_households_may_borrow_everywhere_other_monitored_ones_where_the_province_allows(
            HouseholdCategory category, String province, boolean eligible) {
        assertThat(eligibility.eligible(category, province)).isEqualTo(eligible);
    }
}
