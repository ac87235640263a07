package cn.fpr.monitoring.threshold;

import cn.fpr.monitoring.threshold.model.MonitoringLines;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The monitoring lines in force: configuration, overridden by lines set through the API. Read
 * through a short cache so that every instance sees a change within {@link #REFRESH}.
 */
@Service
public class ThresholdBook {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final MonitoringLinesProperties configured;
    private volatile Mono<MonitoringLines> cached;

    ThresholdBook(ReactiveMongoTemplate mongo, MonitoringLinesProperties configured) {
        this.mongo = mongo;
        this.configured = configured;
        invalidate();
    }

    public Mono<MonitoringLines> lines() {
        return cached;
    }

    Mono<MonitoringLine> store(MonitoringLine line) {
        return mongo.save(line).doOnSuccess(saved -> invalidate());
    }

    private void invalidate() {
        cached = mongo.findAll(MonitoringLine.class).collectList().map(stored -> {
            Map<String, Map<Integer, BigDecimal>> provinces = new HashMap<>();
            if (configured.provinces() != null) {
                configured.provinces().forEach((province, lines) -> provinces.put(province, new HashMap<>(lines)));
            }
            stored.forEach(line -> provinces.computeIfAbsent(line.provinceCode(), p -> new HashMap<>()).put(line.year(), line.lineYuan()));
            return new MonitoringLines(configured.nationalFloor() == null ? Map.of() : configured.nationalFloor(), provinces);
        }).cache(REFRESH);
    }
}
