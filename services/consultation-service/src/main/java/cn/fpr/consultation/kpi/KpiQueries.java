package cn.fpr.consultation.kpi;

import cn.fpr.consultation.kpi.model.Period;
import cn.fpr.consultation.projection.Rows.AgreementRow;
import cn.fpr.consultation.projection.Rows.CaseRow;
import cn.fpr.consultation.projection.Rows.FundAllocationRow;
import cn.fpr.consultation.projection.Rows.HouseholdRow;
import cn.fpr.consultation.projection.Rows.LoanRow;
import cn.fpr.consultation.projection.Rows.PairingFactRow;
import cn.fpr.consultation.projection.Rows.PlacementRow;
import cn.fpr.consultation.projection.Rows.ShortfallRow;
import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.contracts.RiskType;
import cn.fpr.platform.web.RegionQuery;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** The consultation KPIs, computed from the read models for a region and period. */
@Service
public class KpiQueries {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    KpiQueries(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Kpis> overview(RegionQuery region, Period period) {
        LocalDate day = period.asOf(LocalDate.now(clock));
        return Mono.zip(households(region, period, day), employment(region, day), microcredit(region, period, day),
                        industryShare(region, period.last().getYear()).collectList(), eastWest(region, period.last().getYear()).collectList())
                .map(all -> new Kpis(region.code(), region.level() == null ? "NATIONAL" : region.level().name(), period.label(), day,
                        all.getT1(), all.getT2(), all.getT3(), all.getT4(), all.getT5()));
    }

    /** Month by month up to the period's last month: monitored, newly flagged, eliminated, in work. */
    public Flux<Kpis.MonthPoint> trend(RegionQuery region, YearMonth from, YearMonth to) {
        LocalDate today = LocalDate.now(clock);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month);
        }
        return Flux.fromIterable(months).concatMap(month -> {
            Period period = Period.month(month);
            LocalDate day = period.asOf(today);
            return Mono.zip(count(HouseholdRow.class, region, monitoredOn(day)),
                            count(HouseholdRow.class, region, between("flaggedOn", period)),
                            count(HouseholdRow.class, region, between("eliminatedOn", period)),
                            count(PlacementRow.class, region, ongoing("startDate", "lostOn", day)))
                    .map(t -> new Kpis.MonthPoint(month.toString(), t.getT1(), t.getT2(), t.getT3(), t.getT4()));
        });
    }

    /** Per county of the region: monitored households, overdue cases, zero-employment households. */
    public Flux<Kpis.CountyBar> byCounty(RegionQuery region, Period period) {
        LocalDate day = period.asOf(LocalDate.now(clock));
        return Mono.zip(countBy(HouseholdRow.class, region, monitoredOn(day), "countyCode"),
                        countBy(CaseRow.class, region, overdueOn(day), "countyCode"),
                        countBy(HouseholdRow.class, region, zeroEmploymentOn(day), "countyCode"))
                .flatMapMany(t -> {
                    TreeMap<String, long[]> bars = new TreeMap<>();
                    t.getT1().forEach((county, n) -> bars.computeIfAbsent(county, c -> new long[3])[0] = n);
                    t.getT2().forEach((county, n) -> bars.computeIfAbsent(county, c -> new long[3])[1] = n);
                    t.getT3().forEach((county, n) -> bars.computeIfAbsent(county, c -> new long[3])[2] = n);
                    return Flux.fromIterable(bars.entrySet())
                            .map(e -> new Kpis.CountyBar(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
                });
    }

    /** Identification cases past their limit as of the period's end, the longest overdue first. */
    public Flux<Kpis.OverdueCase> overdueCases(RegionQuery region, Period period, int limit) {
        LocalDate day = period.asOf(LocalDate.now(clock));
        return mongo.find(query(region, overdueOn(day)).with(Sort.by("dueOn", "caseId")).limit(limit), CaseRow.class)
                .map(row -> new Kpis.OverdueCase(row.caseId(), row.householdId(), row.countyCode(), row.townshipCode(), row.openedOn(),
                        row.dueOn(), row.pendingStep(), ChronoUnit.DAYS.between(row.dueOn(), day)));
    }

    /** Relocated households with labour and no one in work, as of the period's end. */
    public Flux<Kpis.ZeroEmploymentHousehold> zeroEmployment(RegionQuery region, Period period, int limit) {
        LocalDate day = period.asOf(LocalDate.now(clock));
        return mongo.find(query(region, zeroEmploymentOn(day)).with(Sort.by("zeroEmploymentSince", "householdId")).limit(limit),
                        HouseholdRow.class)
                .map(row -> new Kpis.ZeroEmploymentHousehold(row.householdId(), row.countyCode(), row.townshipCode(),
                        row.zeroEmploymentSiteId(), row.zeroEmploymentSince(), row.zeroEmploymentLabour()));
    }

    private Mono<Kpis.Households> households(RegionQuery region, Period period, LocalDate day) {
        Mono<List<HouseholdRow>> monitored = mongo.find(query(region, monitoredOn(day)), HouseholdRow.class).collectList();
        return Mono.zip(monitored,
                        count(HouseholdRow.class, region, between("flaggedOn", period)),
                        count(CaseRow.class, region, openIdentificationOn(day)),
                        count(CaseRow.class, region, overdueOn(day)),
                        count(HouseholdRow.class, region, between("eliminatedOn", period)),
                        count(HouseholdRow.class, region, Criteria.where("eliminatedOn").lte(day)),
                        count(HouseholdRow.class, region, Criteria.where("flaggedOn").lte(day)))
                .map(t -> {
                    Map<HouseholdCategory, Long> byCategory = new EnumMap<>(HouseholdCategory.class);
                    Map<RiskType, Long> byRiskType = new EnumMap<>(RiskType.class);
                    for (HouseholdRow row : t.getT1()) {
                        if (row.category() != null) {
                            byCategory.merge(row.category(), 1L, Long::sum);
                        }
                        if (row.riskTypes() != null) {
                            row.riskTypes().forEach(type -> byRiskType.merge(type, 1L, Long::sum));
                        }
                    }
                    return new Kpis.Households(t.getT1().size(), byCategory, byRiskType, t.getT2(), t.getT3(), t.getT4(), t.getT5(),
                            t.getT6(), percent(t.getT6(), t.getT7()));
                });
    }

    private Mono<Kpis.Employment> employment(RegionQuery region, LocalDate day) {
        Mono<Long> labourForce = mongo.find(query(region, Criteria.where("labourMembers").gt(0)), HouseholdRow.class)
                .map(row -> (long) row.labourMembers()).reduce(0L, Long::sum);
        Mono<Map<OpeningKind, Long>> inWork = mongo.find(query(region, ongoing("startDate", "lostOn", day)), PlacementRow.class)
                .collect(() -> new EnumMap<OpeningKind, Long>(OpeningKind.class), (map, row) -> map.merge(row.channel(), 1L, Long::sum));
        return Mono.zip(labourForce, inWork, count(HouseholdRow.class, region, zeroEmploymentOn(day)))
                .map(t -> {
                    long working = t.getT2().values().stream().mapToLong(Long::longValue).sum();
                    return new Kpis.Employment(t.getT1(), working, t.getT2(), percent(working, t.getT1()), t.getT3());
                });
    }

    private Mono<Kpis.Microcredit> microcredit(RegionQuery region, Period period, LocalDate day) {
        Mono<List<LoanRow>> issued = mongo.find(query(region, between("issuedOn", period)), LoanRow.class).collectList();
        Mono<List<LoanRow>> overdue = mongo.find(query(region, Criteria.where("overdueSince").lte(day)), LoanRow.class).collectList();
        return Mono.zip(issued, overdue).map(t -> new Kpis.Microcredit(t.getT1().size(), sum(t.getT1(), LoanRow::amountYuan),
                t.getT2().size(), sum(t.getT2(), LoanRow::overdueAmountYuan)));
    }

    private Flux<Kpis.CountyIndustryShare> industryShare(RegionQuery region, int year) {
        Mono<Map<String, ShortfallRow>> shortfalls = mongo.find(query(region, Criteria.where("year").is(year)), ShortfallRow.class)
                .collectMap(ShortfallRow::countyCode);
        return mongo.find(query(region, Criteria.where("year").is(year).and("source").is(FundSource.CENTRAL_CONNECTION_FUNDS)),
                        FundAllocationRow.class)
                .collectMultimap(FundAllocationRow::countyCode)
                .zipWith(shortfalls)
                .flatMapMany(t -> Flux.fromIterable(new TreeMap<>(t.getT1()).entrySet()).map(e -> {
                    BigDecimal central = sum(e.getValue(), FundAllocationRow::amountYuan);
                    BigDecimal industry = sum(e.getValue().stream().filter(row -> row.category() == ProjectCategory.INDUSTRY).toList(),
                            FundAllocationRow::amountYuan);
                    ShortfallRow shortfall = t.getT2().get(e.getKey());
                    return new Kpis.CountyIndustryShare(e.getKey(), year, central, industry,
                            central.signum() == 0 ? BigDecimal.ZERO : industry.multiply(BigDecimal.valueOf(100)).divide(central, 1, RoundingMode.HALF_UP),
                            shortfall == null ? null : shortfall.minimumPercent());
                }));
    }

    /** The pairings helping the region's province (all pairings for the whole country), this year. */
    private Flux<Kpis.PairingProgress> eastWest(RegionQuery region, int year) {
        Criteria criteria = Criteria.where("year").is(year);
        if (region.code() != null) {
            criteria = criteria.and("westProvinceCode").is(region.code().substring(0, 2) + "0000");
        }
        return mongo.find(Query.query(criteria).with(Sort.by("pairingId")), AgreementRow.class).concatMap(agreement -> Mono.zip(
                        mongo.find(Query.query(Criteria.where("pairingId").is(agreement.pairingId()).and("year").is(year)), PairingFactRow.class)
                                .collectList(),
                        mongo.count(Query.query(Criteria.where("pairingId").is(agreement.pairingId()).and("crossRegion").is(true)
                                .and("startDate").gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31))), PlacementRow.class))
                .map(t -> {
                    Map<String, BigDecimal> targets = new LinkedHashMap<>();
                    targets.put(PairingFactRow.FISCAL_AID, agreement.fiscalAidTargetYuan());
                    targets.put(PairingFactRow.CADRES, BigDecimal.valueOf(agreement.cadresTarget()));
                    targets.put("LABOUR_TRANSFERRED", BigDecimal.valueOf(agreement.labourTransferTarget()));
                    targets.put(PairingFactRow.CONSUMPTION, agreement.consumptionTargetYuan());
                    Map<String, BigDecimal> achieved = new LinkedHashMap<>();
                    targets.keySet().forEach(indicator -> achieved.put(indicator, BigDecimal.ZERO));
                    t.getT1().forEach(fact -> achieved.merge(fact.indicator(), fact.amount(), BigDecimal::add));
                    achieved.put("LABOUR_TRANSFERRED", BigDecimal.valueOf(t.getT2()));
                    return new Kpis.PairingProgress(agreement.pairingId(), agreement.eastProvinceCode(), agreement.westProvinceCode(), year,
                            targets, achieved);
                }));
    }

    // --- the rules of "as of a day", as store criteria

    private static Criteria monitoredOn(LocalDate day) {
        return ongoing("flaggedOn", "eliminatedOn", day);
    }

    private static Criteria openIdentificationOn(LocalDate day) {
        return new Criteria().andOperator(Criteria.where("kind").is(CaseKind.IDENTIFICATION), ongoing("openedOn", "closedOn", day));
    }

    private static Criteria overdueOn(LocalDate day) {
        return new Criteria().andOperator(openIdentificationOn(day), Criteria.where("dueOn").lt(day));
    }

    private static Criteria zeroEmploymentOn(LocalDate day) {
        return Criteria.where("zeroEmploymentSince").lte(day);
    }

    /** Started on or before the day, and not ended by it. */
    private static Criteria ongoing(String since, String until, LocalDate day) {
        return new Criteria().andOperator(Criteria.where(since).lte(day),
                new Criteria().orOperator(Criteria.where(until).is(null), Criteria.where(until).gt(day)));
    }

    private static Criteria between(String field, Period period) {
        return Criteria.where(field).gte(period.first()).lte(period.last());
    }

    private Mono<Long> count(Class<?> type, RegionQuery region, Criteria criteria) {
        return mongo.count(query(region, criteria), type);
    }

    private Mono<Map<String, Long>> countBy(Class<?> type, RegionQuery region, Criteria criteria, String field) {
        Query query = query(region, criteria);
        query.fields().include(field);
        return mongo.find(query, Document.class, mongo.getCollectionName(type))
                .filter(document -> document.getString(field) != null)
                .collect(TreeMap::new, (map, document) -> map.merge(document.getString(field), 1L, Long::sum));
    }

    private static Query query(RegionQuery region, Criteria criteria) {
        return region.field() == null ? Query.query(criteria)
                : Query.query(new Criteria().andOperator(Criteria.where(region.field()).is(region.code()), criteria));
    }

    private static <T> BigDecimal sum(Collection<T> rows, Function<T, BigDecimal> amount) {
        return rows.stream().map(amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
