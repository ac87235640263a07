package cn.fpr.employment.indicator;

import cn.fpr.contracts.household.RegionLevel;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.employment.indicator.model.Channel;
import cn.fpr.employment.seeker.JobSeeker;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.web.RegionQuery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/**
 * People lifted from poverty in work, by region and month and by channel, against the yearly
 * target of the region (2021: 31.45 million nationally; targets are configuration).
 */
@Service
public class EmploymentIndicators {

    /** {@code fpr.employment.targets}: region code (province or county) → year → people in work. */
    @ConfigurationProperties("fpr.employment")
    public record Targets(Map<String, Map<Integer, Long>> targets) {
    }

    /** The indicator of a region and month. */
    public record Indicator(String region, YearMonth month, long inWork, Map<Channel, Long> byChannel, Long target,
                            BigDecimal shareOfTarget) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Targets targets;

    EmploymentIndicators(ReactiveMongoTemplate mongo, Targets targets) {
        this.mongo = mongo;
        this.targets = targets;
    }

    /** From employment's own job-placed: a record per placement, with the person's home region. */
    public Mono<Void> placed(JobPlaced placed) {
        return mongo.findOne(Query.query(Criteria.where("householdId").is(placed.householdId()).and("memberId").is(placed.memberId())),
                        JobSeeker.class)
                .flatMap(seeker -> mongo.upsert(Query.query(Criteria.where("_id").is(placed.placementId())), new Update()
                        .set("householdId", placed.householdId())
                        .set("homeProvinceCode", seeker.region().provinceCode())
                        .set("homeCountyCode", seeker.region().countyCode())
                        .set("channel", Channel.of(placed.openingKind(), placed.crossRegion()))
                        .set("startDate", placed.startDate()), EmploymentRecord.class))
                .then();
    }

    public Mono<Void> lost(JobLost lost) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(lost.placementId())), Update.update("endDate", lost.lostOn()),
                EmploymentRecord.class).then();
    }

    public Mono<Indicator> of(String region, YearMonth month) {
        RegionLevel level = level(region);
        String field = level == RegionLevel.PROVINCE ? "homeProvinceCode" : "homeCountyCode";
        Criteria inWork = Criteria.where(field).is(region)
                .and("startDate").lte(month.atEndOfMonth())
                .orOperator(Criteria.where("endDate").is(null), Criteria.where("endDate").gte(month.atDay(1)));
        return mongo.find(Query.query(inWork), EmploymentRecord.class).collectList().map(records -> {
            Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
            records.forEach(record -> byChannel.merge(record.channel(), 1L, Long::sum));
            Long target = targets.targets() == null ? null
                    : targets.targets().getOrDefault(region, Map.of()).get(month.getYear());
            BigDecimal share = target == null || target == 0 ? null
                    : BigDecimal.valueOf(records.size()).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_EVEN);
            return new Indicator(region, month, records.size(), byChannel, target, share);
        });
    }

    private static RegionLevel level(String region) {
        RegionLevel level = RegionQuery.of(region).level();
        if (level == null || level == RegionLevel.TOWNSHIP || level == RegionLevel.VILLAGE) {
            throw new RuleBroken("region", "indicators are kept by province and county");
        }
        return level;
    }
}
