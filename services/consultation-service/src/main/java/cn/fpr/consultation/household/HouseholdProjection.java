package cn.fpr.consultation.household;

import cn.fpr.contracts.household.RegionLevel;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.Region;
import cn.fpr.platform.web.NotFoundException;
import cn.fpr.platform.web.RegionQuery;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.Map;

/**
 * Household status per region. Each event sets the household's row to what the event says
 * (a natural upsert), so redelivery and replay from the beginning arrive at the same numbers.
 */
@Service
public class HouseholdProjection {

    /** Monitoring KPIs of a region. */
    public record HouseholdKpis(String region, RegionLevel level, long monitored, long riskEliminated,
                                Map<HouseholdCategory, Long> monitoredByCategory) {
    }

    private final ReactiveMongoTemplate mongo;

    HouseholdProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> apply(HouseholdEvent event) {
        if (event instanceof HouseholdFlagged flagged) {
            return upsert(flagged.householdId(), flagged.region(), new Update()
                    .set("status", HouseholdStatusView.MONITORED)
                    .set("category", flagged.category())
                    .set("riskTypes", flagged.riskTypes())
                    .set("perCapitaNetIncomeYuan", flagged.perCapitaNetIncomeYuan())
                    .set("flaggedOn", flagged.flaggedOn())
                    .unset("eliminatedOn"));
        }
        if (event instanceof HouseholdRiskEliminated eliminated) {
            return upsert(eliminated.householdId(), eliminated.region(), new Update()
                    .set("status", HouseholdStatusView.RISK_ELIMINATED)
                    .set("perCapitaNetIncomeYuan", eliminated.perCapitaNetIncomeYuan())
                    .set("eliminatedOn", eliminated.eliminatedOn()));
        }
        return Mono.empty();
    }

    private Mono<Void> upsert(String householdId, Region region, Update update) {
        update.set("provinceCode", region.provinceCode())
                .set("countyCode", region.countyCode())
                .set("townshipCode", region.townshipCode());
        return mongo.upsert(Query.query(Criteria.where("_id").is(householdId)), update, HouseholdStatusView.class).then();
    }

    public Mono<HouseholdStatusView> find(String householdId) {
        return mongo.findById(householdId, HouseholdStatusView.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no household " + householdId + " in the read model")));
    }

    public Mono<HouseholdKpis> kpis(String region) {
        RegionLevel level = RegionQuery.of(region).level();
        Aggregation byStatusAndCategory = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(level.field()).is(region)),
                Aggregation.group("status", "category").count().as("households"));
        return mongo.aggregate(byStatusAndCategory, HouseholdStatusView.class, Document.class)
                .collectList()
                .map(groups -> {
                    long monitored = 0;
                    long eliminated = 0;
                    Map<HouseholdCategory, Long> byCategory = new EnumMap<>(HouseholdCategory.class);
                    for (Document group : groups) {
                        Document id = group.get("_id", Document.class);
                        long count = ((Number) group.get("households")).longValue();
                        if (HouseholdStatusView.MONITORED.equals(id.getString("status"))) {
                            monitored += count;
                            byCategory.merge(HouseholdCategory.valueOf(id.getString("category")), count, Long::sum);
                        } else {
                            eliminated += count;
                        }
                    }
                    return new HouseholdKpis(region, level, monitored, eliminated, byCategory);
                });
    }

}
