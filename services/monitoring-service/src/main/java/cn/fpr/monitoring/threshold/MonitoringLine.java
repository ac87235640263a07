package cn.fpr.monitoring.threshold;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/** A province's monitoring line for a year, as set through the API (it overrides the configured one). */
@Document("monitoring_lines")
public record MonitoringLine(@Id String id, String provinceCode, int year, BigDecimal lineYuan, Instant setAt) {

    static String idOf(String provinceCode, int year) {
        return provinceCode + ":" + year;
    }
}
