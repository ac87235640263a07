package cn.fpr.cooperation.agreement;

import cn.fpr.cooperation.agreement.model.Indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A year's agreement as its readers see it: targets, tasks and the facts recorded. */
public record AgreementView(String agreementId, String pairingId, int year, LocalDate signedOn, Map<Indicator, BigDecimal> targets,
                            List<Agreement.Task> tasks, List<Agreement.Fact> facts) {

    public static AgreementView of(Agreement a) {
        return new AgreementView(a.id(), a.pairingId(), a.year(), a.signedOn(), a.targets(), a.tasks(), a.facts());
    }
}
