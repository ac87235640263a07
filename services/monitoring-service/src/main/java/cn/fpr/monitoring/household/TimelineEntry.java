package cn.fpr.monitoring.household;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing that happened to a household, for its timeline.
 *
 * @param at             when it was recorded
 * @param effectiveOn    the date it took effect
 * @param kind           signal, step, event, income, measure, conditions
 * @param summary        what happened, without ID numbers
 * @param correlationId  the signal or request that started the chain
 */
public record TimelineEntry(Instant at, LocalDate effectiveOn, String kind, String summary, String correlationId) {
}
