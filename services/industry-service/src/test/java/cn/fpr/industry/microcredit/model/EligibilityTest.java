package cn.fpr.industry.microcredit.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    private static final LocalDate APPLIED = LocalDate.of(2026, 3, 16);

    @ParameterizedTest(name = "{0}, born {1}, {2} yuan for {3} months for {4}, {5} owed, monitored lent to {6} -> refused on {7}")
    @CsvSource({
            "UNSTABLE_LIFTED, 1980, 50000, 36, BREEDING,       0,     false, ''",
            "UNSTABLE_LIFTED, 2008, 20000, 12, PLANTING,       0,     false, ''",
            "UNSTABLE_LIFTED, 2009, 20000, 12, PLANTING,       0,     false, borrowerMemberId",
            "UNSTABLE_LIFTED, 1961, 20000, 12, PLANTING,       0,     false, ''",
            "UNSTABLE_LIFTED, 1960, 20000, 12, PLANTING,       0,     false, borrowerMemberId",
            "UNSTABLE_LIFTED, 1980, 50001, 36, BREEDING,       0,     false, amountYuan",
            "UNSTABLE_LIFTED, 1980, 20001, 36, BREEDING,       30000, false, amountYuan",
            "UNSTABLE_LIFTED, 1980, 20000, 36, BREEDING,       30000, false, ''",
            "UNSTABLE_LIFTED, 1980, 20000, 37, BREEDING,       0,     false, termMonths",
            "UNSTABLE_LIFTED, 1980, 20000, 12, WEDDING,        0,     false, purpose",
            "UNSTABLE_LIFTED, 1980, 20000, 12, HOUSE_BUILDING, 0,     false, purpose",
            "MARGINAL,        1980, 20000, 12, PLANTING,       0,     false, householdId",
            "MARGINAL,        1980, 20000, 12, PLANTING,       0,     true,  ''",
            "NOT_MONITORED,   1980, 20000, 12, PLANTING,       0,     true,  householdId",
    })
    void each_rule_of_microcredit_has_its_edge(String household, int born, BigDecimal amount, int term, LoanPurpose purpose,
                                               BigDecimal owed, boolean lendsToMonitored, String refusedOn) {
        LoanPolicy policy = new LoanPolicy(18, 65, new BigDecimal("50000"), 36, lendsToMonitored, BigDecimal.ONE, 30, 12);

        // UNSTABLE_LIFTED: lifted from poverty and monitored; MARGINAL: monitored only; NOT_MONITORED: neither
        boolean lifted = household.equals("UNSTABLE_LIFTED");
        boolean monitored = !household.equals("NOT_MONITORED");
        var refusals = Eligibility.check(new LoanApplication(lifted, monitored, "520000", born, amount, term, purpose, owed, APPLIED),
                policy);

        if (refusedOn.isEmpty()) {
            assertThat(refusals).isEmpty();
        } else {
            assertThat(refusals).extracting(Eligibility.Refusal::field).containsExactly(refusedOn);
        }
    }
}
