package cn.fpr.monitoring.household;

import cn.fpr.monitoring.household.model.ProvincePolicies;
import cn.fpr.monitoring.threshold.ThresholdBook;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Supplies the rules in force: lines from the threshold book, policies from configuration. */
@Component
public class RulesInForce {

    private final ThresholdBook thresholds;
    private final ProvincePolicies policies;

    RulesInForce(ThresholdBook thresholds, MonitoringPolicyProperties properties) {
        this.thresholds = thresholds;
        this.policies = properties.toPolicies();
    }

    public Mono<Rules> rules() {
        return thresholds.lines().map(lines -> new Rules(lines, policies));
    }
}
