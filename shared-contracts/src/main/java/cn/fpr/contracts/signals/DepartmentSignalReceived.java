package cn.fpr.contracts.signals;

import cn.fpr.contracts.Department;
import cn.fpr.contracts.RiskType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A departmental system's early warning about a registered household (部門篩查預警).
 *
 * @param signalId              the department's own reference for the warning
 * @param householdId           the registry household the warning concerns
 * @param department            who raised it
 * @param riskType              the risk it points to
 * @param observedOn            the date the department observed it (the effective date)
 * @param annualNetIncomeYuan   the household's annual net income as the department sees it, if known
 * @param rigidSpendingYuan     large rigid spending (medical out-of-pocket, education), if any
 * @param description           free text for the case file, no personal ID numbers
 */
public record DepartmentSignalReceived(
        String signalId,
        String householdId,
        Department department,
        RiskType riskType,
        LocalDate observedOn,
        BigDecimal annualNetIncomeYuan,
        BigDecimal rigidSpendingYuan,
        String description) implements SignalEvent {

    @Override
    public String subject() {
        return householdId;
    }
}
