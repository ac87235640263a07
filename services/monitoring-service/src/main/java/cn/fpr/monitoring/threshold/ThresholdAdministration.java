package cn.fpr.monitoring.threshold;

import cn.fpr.monitoring.household.HouseholdStore;
import cn.fpr.monitoring.household.Rules;
import cn.fpr.monitoring.household.RulesInForce;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Provinces set their monitoring line for a year. A line for the current year re-evaluates every
 * household of the province; only households whose risk changed raise events, and those newly at
 * risk get an identification case.
 */
@Service
public class ThresholdAdministration {

    /** What setting a line did. */
    public record Outcome(String provinceCode, int year, BigDecimal lineYuan, long evaluated, long changed) {
    }

    private final ThresholdBook book;
    private final HouseholdStore store;
    private final RulesInForce rules;
    private final Clock clock;

    ThresholdAdministration(ThresholdBook book, HouseholdStore store, RulesInForce rules, Clock clock) {
        this.book = book;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    public Mono<BigDecimal> lineFor(String provinceCode, int year) {
        return book.lines().map(lines -> lines.lineFor(provinceCode, year));
    }

    /** Stores the line (and then its audit entry, before the long re-evaluation), re-evaluating the province for the current year. */
    public Mono<Outcome> set(String provinceCode, int year, BigDecimal lineYuan, Mono<?> audited) {
        MonitoringLine line = new MonitoringLine(MonitoringLine.idOf(provinceCode, year), provinceCode, year, lineYuan, clock.instant());
        Mono<Outcome> stored = book.store(line).then(audited).then(Mono.just(new Outcome(provinceCode, year, lineYuan, 0, 0)));
        if (year != LocalDate.now(clock).getYear()) {
            return stored;
        }
        return stored.then(Mono.defer(rules::rules)).flatMap(rules -> reassessProvince(provinceCode, year, rules));
    }

    private Mono<Outcome> reassessProvince(String provinceCode, int year, Rules rules) {
        BigDecimal line = rules.lines().lineFor(provinceCode, year);
        return store.changeEach(Criteria.where("region.provinceCode").is(provinceCode), (household, occasion) ->
                        household.reassess(line, rules.policyFor(household), Rules::newCaseId, occasion))
                .reduce(new long[2], (counts, changed) -> {
                    counts[0]++;
                    counts[1] += changed ? 1 : 0;
                    return counts;
                })
                .map(counts -> new Outcome(provinceCode, year, line, counts[0], counts[1]));
    }
}
