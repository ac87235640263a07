package cn.fpr.industry.microcredit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may borrow a poverty-alleviation microloan (脫貧人口小額信貸): households lifted from poverty
 * (monitored ones too where the province allows), a borrower of working age, a production purpose,
 * at most 50,000 yuan for the household across its open loans, at most 3 years.
 */
public final class Eligibility {

    /** Why the application cannot be granted, field by field; empty when it can. */
    public static List<Refusal> check(LoanApplication application, LoanPolicy policy) {
        List<Refusal> refusals = new ArrayList<>();
        if (!application.liftedFromPoverty() && !(application.monitored() && policy.lendsToMonitored())) {
            refusals.add(new Refusal("householdId", application.monitored()
                    ? "the province lends to households lifted from poverty only"
                    : "microloans are for households lifted from poverty or monitored"));
        }
        int age = application.appliedOn().getYear() - application.borrowerBirthYear();
        if (age < policy.minimumAge() || age > policy.maximumAge()) {
            refusals.add(new Refusal("borrowerMemberId", "borrowers are " + policy.minimumAge() + " to " + policy.maximumAge()
                    + " years old, not " + age));
        }
        if (application.amountYuan().signum() <= 0
                || application.openPrincipalYuan().add(application.amountYuan()).compareTo(policy.maximumAmountYuan()) > 0) {
            refusals.add(new Refusal("amountYuan", "a household borrows at most " + policy.maximumAmountYuan().toPlainString()
                    + " yuan in all; " + application.openPrincipalYuan().toPlainString() + " is still owed"));
        }
        if (application.termMonths() < 1 || application.termMonths() > policy.maximumTermMonths()) {
            refusals.add(new Refusal("termMonths", "the term is 1 to " + policy.maximumTermMonths() + " months"));
        }
        if (!application.purpose().production()) {
            refusals.add(new Refusal("purpose", "microloans are for production, not " + application.purpose()));
        }
        return List.copyOf(refusals);
    }

    /** A reason for refusal, naming the field. */
    public record Refusal(String field, String reason) {
    }

    private Eligibility() {
    }
}
