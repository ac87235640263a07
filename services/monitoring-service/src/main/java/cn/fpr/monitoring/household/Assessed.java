package cn.fpr.monitoring.household;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The household's latest risk assessment. */
public record Assessed(int year, BigDecimal lineYuan, BigDecimal perCapitaNetIncomeYuan, boolean atRisk, LocalDate on) {
}
