package cn.fpr.consultation.kpi.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The period a KPI is asked for: a month ({@code 2026-03}) or a year ({@code 2026}). Flows (newly
 * flagged, loans issued) count what happened within it; stocks (households monitored, cases
 * open) are as of its end, or as of today while it is still running.
 *
 * @param first the period's first day
 * @param last  the period's last day
 */
public record Period(String label, LocalDate first, LocalDate last) {

    /** Parses a month or a year; throws IllegalArgumentException for anything else. */
    public static Period parse(String text) {
        try {
            if (text != null && text.matches("\\d{4}")) {
                int year = Integer.parseInt(text);
                return new Period(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            YearMonth month = YearMonth.parse(text);
            return new Period(text, month.atDay(1), month.atEndOfMonth());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("a period is a month (2026-03) or a year (2026)");
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    /** The day stocks are counted on: the period's last day, or today if the period has not ended. */
    public LocalDate asOf(LocalDate today) {
        return today.isBefore(last) && !today.isBefore(first) ? today : last;
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(first) && !day.isAfter(last);
    }

    /** Whether something that started on {@code since} and ended on {@code until} (null: still going) was going on the day. */
    public static boolean ongoing(LocalDate since, LocalDate until, LocalDate day) {
        return since != null && !since.isAfter(day) && (until == null || until.isAfter(day));
    }
}
