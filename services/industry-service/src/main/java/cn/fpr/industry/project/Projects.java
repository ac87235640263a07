package cn.fpr.industry.project;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.contracts.county.IndustryShareShortfall;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.industry.household.SupportedHousehold;
import cn.fpr.industry.household.SupportedHouseholds;
import cn.fpr.industry.operator.Operator;
import cn.fpr.industry.project.model.IndustryShare;
import cn.fpr.industry.project.model.LinkageMode;
import cn.fpr.industry.project.model.ProjectRole;
import cn.fpr.platform.audit.AuditEntry;
import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** The project database, its funds, the industry share, and farmer linkage with dividends. */
@Service
public class Projects {

    private final ReactiveMongoTemplate mongo;
    private final AggregateChanges changes;
    private final SupportedHouseholds households;
    private final ProjectProperties properties;
    private final IndustryShare share;
    private final Events events;
    private final Clock clock;

    Projects(ReactiveMongoTemplate mongo, AggregateChanges changes, SupportedHouseholds households, ProjectProperties properties,
             Events events, Clock clock) {
        this.mongo = mongo;
        this.changes = changes;
        this.households = households;
        this.properties = properties;
        this.share = new IndustryShare(properties.minimumIndustrySharePercent());
        this.events = events;
        this.clock = clock;
    }

    /** Proposes a project of a village within the caller's region (a broken rule naming the village otherwise). */
    public Mono<Project> propose(String countyCode, String villageCode, String name, ProjectCategory category, BigDecimal budget,
                                 int year) {
        return Caller.creatingIn(villageCode, "villageCode")
                .then(changes.create(new Project("proj-" + UUID.randomUUID(), countyCode, villageCode, name, category, budget, year)));
    }

    /** A project of the caller's region; any other answers as one that does not exist. */
    public Mono<Project> find(String projectId) {
        return mongo.findById(projectId, Project.class).switchIfEmpty(Mono.error(() -> new NotFoundException("no project " + projectId)))
                .flatMap(project -> Caller.seen(project, project.villageCode(), () -> new NotFoundException("no project " + projectId)));
    }

    /** Projects of the caller's region, of a county within it if one is given (one outside it answers 404). */
    public Flux<Project> list(String countyCode, Integer year, boolean linkageMissing) {
        return Caller.currentOrService().flatMapMany(caller -> countyCode != null && !caller.covers(countyCode)
                ? Flux.error(new NotFoundException("nothing found for county " + countyCode))
                : all(countyCode, year, linkageMissing).filter(project -> caller.covers(project.villageCode())));
    }

    private Flux<Project> all(String countyCode, Integer year, boolean linkageMissing) {
        Criteria criteria = new Criteria();
        if (countyCode != null) {
            criteria = criteria.and("countyCode").is(countyCode);
        }
        if (year != null) {
            criteria = criteria.and("year").is(year);
        }
        return mongo.find(Query.query(criteria), Project.class).filter(p -> !linkageMissing || p.linkageMissing());
    }

    /** A decision on the project; its audit entry is written with it. */
    public Mono<Project> decide(String projectId, ProjectRole role, String actorId, boolean approve, String reason, AuditEntry audit) {
        return change(projectId, (project, envelope) -> {
            project.decide(role, actorId, approve, reason, today(), envelope);
            project.audit(audit.in(project.villageCode()));
            return project;
        });
    }

    /** Allocates funds; east–west aid is drawn from the county's pool first (both steps idempotent on the reference). */
    public Mono<Project> fund(String projectId, String reference, FundSource source, BigDecimal amount) {
        Mono<Void> draw = source != FundSource.EAST_WEST_AID ? Mono.empty() : find(projectId).flatMap(project ->
                changes.change(FundPool.class, FundPool.idOf(project.countyCode(), project.year()),
                        () -> new RuleBroken("source", "no east–west aid received for "
                                + project.countyCode() + " in " + project.year()),
                        (pool, correlationId) -> {
                            pool.draw(new FundPool.Draw(reference, projectId, amount));
                            return pool;
                        })).then();
        return draw.then(change(projectId, (project, envelope) -> {
            project.fund(reference, source, amount, today(), envelope);
            return project;
        }));
    }

    public Mono<Project> spend(String projectId, String reference, BigDecimal amount, LocalDate on, String note) {
        return change(projectId, (project, envelope) -> {
            project.spend(reference, amount, on, note);
            return project;
        });
    }

    public Mono<Project> complete(String projectId, List<Project.Asset> assets) {
        return change(projectId, (project, envelope) -> {
            project.complete(assets);
            return project;
        });
    }

    /** Links a household through a registered operator (leading enterprise, cooperative, family farm). */
    public Mono<Project> link(String projectId, String householdId, LinkageMode mode, String operatorId) {
        return mongo.findById(operatorId, Operator.class)
                .switchIfEmpty(Mono.error(() -> new RuleBroken("operatorId", "no operator " + operatorId)))
                .flatMap(operator -> change(projectId, (project, envelope) -> {
                    project.link(householdId, mode, operator.operatorId(), today());
                    return project;
                }));
    }

    /** Households to link first: monitored households of the county with an open offer, lifted from poverty ahead. */
    public Flux<SupportedHousehold> linkageCandidates(String projectId) {
        return find(projectId).flatMapMany(project -> households.openOffers(project.countyCode()))
                .filter(household -> household.offer().linkageCandidate())
                .sort(Comparator.comparing((SupportedHousehold h) -> h.category() != HouseholdCategory.UNSTABLE_LIFTED)
                        .thenComparing(SupportedHousehold::householdId));
    }

    public Mono<Integer> payDividends(String projectId, String period, BigDecimal amountPerHousehold) {
        return change(projectId, (project, envelope) -> project.payDividends(period, amountPerHousehold, today(), envelope));
    }

    /** Moves approved projects that got no money in the closing year to the next year's plan. */
    public Mono<Long> rollOver(int closingYear) {
        Query query = Query.query(Criteria.where("year").is(closingYear));
        query.fields().include("_id");
        return mongo.find(query, Project.class)
                .concatMap(found -> change(found.id(), (project, envelope) -> project.rollOver(closingYear)))
                .filter(Boolean::booleanValue).count();
    }

    /** Each county's industry share of central connection funds in the year. */
    public Flux<IndustryShare.Share> shares(int year, String countyCode) {
        Criteria criteria = Criteria.where("funding.year").is(year);
        if (countyCode != null) {
            criteria = criteria.and("countyCode").is(countyCode);
        }
        return mongo.find(Query.query(criteria), Project.class).collectList().flatMapMany(projects -> {
            Map<String, BigDecimal[]> byCounty = new TreeMap<>();
            for (Project project : projects) {
                BigDecimal central = project.funding().stream()
                        .filter(f -> f.year() == year && f.source() == FundSource.CENTRAL_CONNECTION_FUNDS)
                        .map(Project.Funding::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal[] sums = byCounty.computeIfAbsent(project.countyCode(), c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(central);
                if (project.category() == ProjectCategory.INDUSTRY) {
                    sums[1] = sums[1].add(central);
                }
            }
            return Flux.fromIterable(byCounty.entrySet()).map(e -> share.of(e.getKey(), year, e.getValue()[0], e.getValue()[1],
                    properties.keyCounties().contains(e.getKey())));
        });
    }

    /** Announces every county below the year's minimum (once a day per county). */
    public Mono<Long> announceShortfalls(int year) {
        LocalDate today = today();
        return Correlation.id().flatMap(correlationId -> shares(year, null).filter(IndustryShare.Share::shortfall)
                .concatMap(s -> changes.create(new ShareAnnouncement(s.countyCode() + ":" + year + ":" + today,
                                events.envelope(new IndustryShareShortfall(s.countyCode(), year, s.centralFundsYuan(), s.industryYuan(),
                                        s.sharePercent(), s.minimumPercent(), s.keyCounty(), today), correlationId)))
                        .map(created -> 1L)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L)))
                .reduce(0L, Long::sum));
    }

    /** Cooperation's east–west funds for a county go into its pool for the year, once per transfer. */
    public Mono<Void> apply(PairingEvent event) {
        if (!(event instanceof FundsAllocated funds)) {
            return Mono.empty();
        }
        FundPool.Receipt receipt = new FundPool.Receipt(funds.allocationId(), funds.pairingId(), funds.amountYuan(), funds.purpose());
        String poolId = FundPool.idOf(funds.receivingCountyCode(), funds.year());
        return changes.changeIfPresent(FundPool.class, poolId, (pool, correlationId) -> {
                    pool.receive(receipt);
                    return pool;
                })
                .switchIfEmpty(Mono.defer(() -> {
                    FundPool pool = new FundPool(funds.receivingCountyCode(), funds.year());
                    pool.receive(receipt);
                    return changes.create(pool).onErrorResume(DuplicateKeyException.class, e -> apply(event).then(Mono.empty()));
                }))
                .then();
    }

    /** A county's pool, if the county lies in the caller's region; another county's answers as one with no aid. */
    public Mono<FundPool> pool(String countyCode, int year) {
        Supplier<NotFoundException> missing = () -> new NotFoundException("no east–west aid received for " + countyCode + " in " + year);
        return mongo.findById(FundPool.idOf(countyCode, year), FundPool.class).switchIfEmpty(Mono.error(missing))
                .flatMap(pool -> Caller.seen(pool, pool.countyCode(), missing));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Changes a project of the caller's region; any other answers as one that does not exist, unchanged. */
    private <R> Mono<R> change(String projectId, BiFunction<Project, Function<DomainEvent, EventEnvelope<?>>, R> change) {
        return Caller.currentOrService().flatMap(caller -> changes.change(Project.class, projectId,
                () -> new NotFoundException("no project " + projectId), (project, correlationId) -> {
                    if (!caller.covers(project.villageCode())) {
                        throw new NotFoundException("no project " + projectId);
                    }
                    return change.apply(project, event -> events.envelope(event, correlationId));
                }));
    }
}
