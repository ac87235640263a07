package cn.fpr.monitoring.household;

import cn.fpr.contracts.Department;
import cn.fpr.contracts.RiskType;
import cn.fpr.monitoring.household.model.SignalOutcome;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A department signal in the household's file, with what it led to. */
public record SignalRecord(String signalId, Department department, RiskType riskType, LocalDate observedOn,
                           BigDecimal perCapitaNetIncomeYuan, BigDecimal lineYuan, SignalOutcome outcome) {
}
