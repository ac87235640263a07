package cn.fpr.monitoring.casework;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Looks for passed deadlines on a schedule ({@code fpr.monitoring.overdue-scan-interval}, default 1 minute). */
@Component
class OverdueScanner {

    private static final Logger log = LoggerFactory.getLogger(OverdueScanner.class);

    private final Casework casework;

    OverdueScanner(Casework casework) {
        this.casework = casework;
    }

    @Scheduled(fixedDelayString = "${fpr.monitoring.overdue-scan-interval:PT1M}", initialDelayString = "${fpr.monitoring.overdue-scan-interval:PT1M}")
    void scan() {
        try {
            Integer announced = casework.announceOverdue().block(Duration.ofMinutes(5));
            if (announced != null && announced > 0) {
                log.info("{} case deadlines passed and were announced", announced);
            }
        } catch (RuntimeException e) {
            log.warn("overdue scan failed, next scan will retry: {}", e.toString());
        }
    }
}
