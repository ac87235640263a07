package cn.fpr.industry.microcredit.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What is known when a household applies.
 *
 * @param liftedFromPoverty     registered as lifted from poverty
 * @param monitored             a monitored household
 * @param provinceCode          its province
 * @param borrowerBirthYear     year of birth of the member who borrows
 * @param amountYuan            asked for
 * @param termMonths            asked for
 * @param purpose               what for
 * @param openPrincipalYuan     principal still owed on the household's open loans
 * @param appliedOn             date of application
 */
public record LoanApplication(boolean liftedFromPoverty, boolean monitored, String provinceCode, int borrowerBirthYear, BigDecimal amountYuan,
                              int termMonths, LoanPurpose purpose, BigDecimal openPrincipalYuan, LocalDate appliedOn) {
}
