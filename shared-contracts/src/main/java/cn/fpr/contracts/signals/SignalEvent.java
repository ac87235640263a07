package cn.fpr.contracts.signals;

import cn.fpr.contracts.DomainEvent;

/** Events on {@link cn.fpr.contracts.Topics#DEPARTMENT_SIGNALS}. */
public sealed interface SignalEvent extends DomainEvent permits DepartmentSignalReceived {
}
