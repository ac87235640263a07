package cn.fpr.monitoring.household;

import java.time.LocalDate;

/** Help the household received: a job, training, a loan, a dividend, early relief. */
public record Measure(String kind, String reference, LocalDate on, String detail) {
}
