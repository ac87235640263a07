package cn.fpr.monitoring.household;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Large rigid spending (medical out-of-pocket, education) as reported, until resolved. */
public record RigidSpending(String reference, BigDecimal amountYuan, LocalDate incurredOn, boolean resolved) {
}
