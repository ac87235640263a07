package cn.fpr.industry.microcredit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Looks for payments past their grace period on a schedule ({@code fpr.industry.overdue-scan-interval}, default 1 hour). */
@Component
class OverdueLoans {

    private static final Logger log = LoggerFactory.getLogger(OverdueLoans.class);

    private final Microcredit microcredit;

    OverdueLoans(Microcredit microcredit) {
        this.microcredit = microcredit;
    }

    @Scheduled(fixedDelayString = "${fpr.industry.overdue-scan-interval:PT1H}", initialDelayString = "${fpr.industry.overdue-scan-interval:PT1H}")
    void scan() {
        try {
            Long announced = microcredit.announceOverdue().block(Duration.ofMinutes(5));
            if (announced != null && announced > 0) {
                log.info("{} loan payments passed their grace period and were announced", announced);
            }
        } catch (RuntimeException e) {
            log.warn("overdue loan scan failed, next scan will retry: {}", e.toString());
        }
    }
}
