package cn.fpr.monitoring.household;

import cn.fpr.contracts.RiskType;
import cn.fpr.monitoring.household.model.SignalChannel;
import cn.fpr.monitoring.household.model.SignalOutcome;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A signal in the household's file, with what it led to and the case it is linked to. */
public record SignalRecord(SignalChannel channel, String source, String reference, RiskType riskType, LocalDate observedOn,
                           BigDecimal perCapitaNetIncomeYuan, BigDecimal lineYuan, SignalOutcome outcome, String caseId,
                           String correlationId) {
}
