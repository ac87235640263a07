package cn.fpr.industry.microcredit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repayment schedule of a microloan and what follows from it: interest on the principal at
 * the LPR-based rate, actual days over a 360-day year, due each quarter and at maturity with the
 * principal; the fiscal subsidy pays its share of each interest payment; repayments settle
 * instalments in order; an instalment unpaid past its grace period is overdue. Money is exact, to
 * the fen.
 */
public final class Schedule {

    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(360);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static List<Instalment> of(BigDecimal principal, int termMonths, BigDecimal annualRatePercent, BigDecimal subsidyShare,
                                      LocalDate issuedOn) {
        LocalDate maturity = issuedOn.plusMonths(termMonths);
        List<Instalment> instalments = new ArrayList<>();
        LocalDate from = issuedOn;
        int number = 1;
        while (from.isBefore(maturity)) {
            LocalDate due = from.plusMonths(3).isBefore(maturity) ? from.plusMonths(3) : maturity;
            BigDecimal interest = interest(principal, annualRatePercent, ChronoUnit.DAYS.between(from, due));
            BigDecimal subsidy = interest.multiply(subsidyShare).setScale(2, RoundingMode.HALF_EVEN);
            instalments.add(new Instalment(number++, due, due.equals(maturity) ? principal : BigDecimal.ZERO.setScale(2),
                    interest, subsidy, BigDecimal.ZERO.setScale(2), false));
            from = due;
        }
        return List.copyOf(instalments);
    }

    static BigDecimal interest(BigDecimal principal, BigDecimal annualRatePercent, long days) {
        return principal.multiply(annualRatePercent).multiply(BigDecimal.valueOf(days))
                .divide(HUNDRED.multiply(DAYS_A_YEAR), 2, RoundingMode.HALF_EVEN);
    }

    /** Applies a repayment to the instalments in order; what is left over is refused by the caller. */
    public static List<Instalment> repay(List<Instalment> instalments, BigDecimal amount) {
        List<Instalment> after = new ArrayList<>();
        BigDecimal left = amount;
        for (Instalment instalment : instalments) {
            BigDecimal pay = left.min(instalment.outstandingYuan());
            left = left.subtract(pay);
            after.add(new Instalment(instalment.number(), instalment.dueOn(), instalment.principalYuan(), instalment.interestYuan(),
                    instalment.subsidyYuan(), instalment.paidYuan().add(pay), instalment.overdueAnnounced()));
        }
        return List.copyOf(after);
    }

    public static BigDecimal outstanding(List<Instalment> instalments) {
        return instalments.stream().map(Instalment::outstandingYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Principal not yet repaid (repayments go to interest first within an instalment [D]). */
    public static BigDecimal openPrincipal(List<Instalment> instalments) {
        return instalments.stream()
                .map(i -> i.principalYuan().min(i.outstandingYuan()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The first instalment unpaid past its grace period and not yet announced, if any. */
    public static Optional<Instalment> newlyOverdue(List<Instalment> instalments, LocalDate today, int graceDays) {
        return instalments.stream()
                .filter(i -> !i.settled() && !i.overdueAnnounced() && today.isAfter(i.dueOn().plusDays(graceDays)))
                .findFirst();
    }

    /** An extension moves the maturity (and the principal with it) later; interest for the extra time is added. */
    public static List<Instalment> extend(List<Instalment> instalments, int months, BigDecimal principal,
                                          BigDecimal annualRatePercent, BigDecimal subsidyShare) {
        Instalment last = instalments.get(instalments.size() - 1);
        LocalDate newMaturity = last.dueOn().plusMonths(months);
        BigDecimal interest = interest(principal, annualRatePercent, ChronoUnit.DAYS.between(last.dueOn(), newMaturity));
        List<Instalment> extended = new ArrayList<>(instalments.subList(0, instalments.size() - 1));
        extended.add(new Instalment(last.number(), last.dueOn(), BigDecimal.ZERO.setScale(2), last.interestYuan(), last.subsidyYuan(),
                last.paidYuan(), last.overdueAnnounced()));
        extended.add(new Instalment(last.number() + 1, newMaturity, principal, interest,
                interest.multiply(subsidyShare).setScale(2, RoundingMode.HALF_EVEN), BigDecimal.ZERO.setScale(2), false));
        return List.copyOf(extended);
    }

    private Schedule() {
    }
}
