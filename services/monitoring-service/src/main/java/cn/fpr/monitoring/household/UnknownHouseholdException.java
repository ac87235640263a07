package cn.fpr.monitoring.household;

import cn.fpr.platform.messaging.RejectedEventException;

/** Something about a household the registry does not hold: over Kafka never retried, dead-lettered with this reason. */
public class UnknownHouseholdException extends RejectedEventException {

    public UnknownHouseholdException(String householdId) {
        super("no household " + householdId + " in the registry");
    }
}
