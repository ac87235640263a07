package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.RiskType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A risk signal about a registered household, whichever door it came through.
 *
 * @param channel              the door
 * @param source               who sent it (a department, a cadre, the household, a service)
 * @param reference            the sender's own reference; with channel and source it identifies the signal
 * @param householdId          the household
 * @param riskType             the risk it points to
 * @param observedOn           when it was observed
 * @param annualNetIncomeYuan  the household's annual net income as found, if given
 * @param rigidSpendingYuan    large rigid spending found, if any
 * @param housing              housing grade as found, if appraised
 * @param water                drinking water as found, if surveyed
 * @param description          free text, without ID numbers
 */
public record Signal(SignalChannel channel, String source, String reference, String householdId, RiskType riskType,
                     LocalDate observedOn, BigDecimal annualNetIncomeYuan, BigDecimal rigidSpendingYuan,
                     HousingGrade housing, DrinkingWater water, String description) {

    /** The same signal sent twice, over any door, is one signal. */
    public String key() {
        return "signal:" + channel + ":" + source + ":" + reference;
    }
}
