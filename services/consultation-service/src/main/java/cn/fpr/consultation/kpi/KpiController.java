package cn.fpr.consultation.kpi;

import cn.fpr.consultation.kpi.model.Period;
import cn.fpr.consultation.projection.Rebuild;
import cn.fpr.consultation.projection.Rows.HouseholdRow;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import cn.fpr.platform.web.NotFoundException;
import cn.fpr.platform.web.RegionQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * KPIs for consultation meetings, by region (a province, county or township code; none for the
 * whole country) and period (a month or a year; this month by default). Every query answers JSON,
 * or CSV with {@code format=csv}. For the township, county and province offices and dashboards
 * that hold consultation meetings; the read models know no village, so a village cadre works from
 * monitoring's lists of its households and cases instead.
 */
@RestController
@RequestMapping("/api/v1")
class KpiController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final KpiQueries queries;
    private final Rebuild rebuild;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    KpiController(KpiQueries queries, Rebuild rebuild, ReactiveMongoTemplate mongo, Clock clock) {
        this.queries = queries;
        this.rebuild = rebuild;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Every KPI of the region and period. */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/kpis")
    Mono<ResponseEntity<?>> kpis(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                                 @RequestParam(required = false) String format) {
        return RegionQuery.within(region).flatMap(where -> queries.overview(where, period(period)))
                .map(kpis -> answer(format, "kpis", kpis, () -> overviewRows(kpis)));
    }

    /** Month by month: monitored, newly flagged, risk eliminated, in work. */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/kpis/trend")
    Mono<ResponseEntity<?>> trend(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                                  @RequestParam(defaultValue = "6") @Min(1) @Max(36) int months,
                                  @RequestParam(required = false) String format) {
        return RegionQuery.within(region).flatMap(where -> {
            YearMonth last = YearMonth.from(period(period).last());
            return queries.trend(where, last.minusMonths(months - 1L), last).collectList();
        }).map(points -> answer(format, "trend", points, () -> table(List.of("month", "monitored", "newlyFlagged", "riskEliminated",
                "inWork"), points.stream().map(p -> List.<Object>of(p.month(), p.monitored(), p.newlyFlagged(), p.riskEliminated(),
                p.inWork())).toList())));
    }

    /** A bar per county of the region. */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/kpis/by-county")
    Mono<ResponseEntity<?>> byCounty(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                                     @RequestParam(required = false) String format) {
        return RegionQuery.within(region).flatMap(where -> queries.byCounty(where, period(period)).collectList())
                .map(bars -> answer(format, "by-county", bars, () -> table(List.of("countyCode", "monitored", "overdue",
                        "zeroEmploymentHouseholds"), bars.stream().map(b -> List.<Object>of(b.countyCode(), b.monitored(), b.overdue(),
                        b.zeroEmploymentHouseholds())).toList())));
    }

    /** Identification cases past their 15 days. */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/cases/overdue")
    Mono<ResponseEntity<?>> overdue(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit,
                                    @RequestParam(required = false) String format) {
        return RegionQuery.within(region).flatMap(where -> queries.overdueCases(where, period(period), limit).collectList())
                .map(rows -> answer(format, "overdue-cases", rows, () -> table(List.of("caseId", "householdId", "countyCode",
                        "townshipCode", "openedOn", "dueOn", "pendingStep", "daysOverdue"), rows.stream().map(r -> List.<Object>of(
                        r.caseId(), r.householdId(), r.countyCode(), nullable(r.townshipCode()), r.openedOn(), r.dueOn(),
                        nullable(r.pendingStep()), r.daysOverdue())).toList())));
    }

    /** Relocated households with labour and no one in work. */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/households/zero-employment")
    Mono<ResponseEntity<?>> zeroEmployment(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                                           @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit,
                                           @RequestParam(required = false) String format) {
        return RegionQuery.within(region).flatMap(where -> queries.zeroEmployment(where, period(period), limit).collectList())
                .map(rows -> answer(format, "zero-employment", rows, () -> table(List.of("householdId", "countyCode", "townshipCode",
                        "siteId", "since", "labourMembers"), rows.stream().map(r -> List.<Object>of(r.householdId(),
                        nullable(r.countyCode()), nullable(r.townshipCode()), nullable(r.siteId()), r.since(),
                        nullable(r.labourMembers()))).toList())));
    }

    /** A household of the caller's region as the read model holds it; any other answers as one it does not hold. */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/households/{householdId}")
    Mono<HouseholdRow> household(@PathVariable String householdId) {
        Supplier<NotFoundException> missing = () -> new NotFoundException("no household " + householdId + " in the read model");
        return mongo.findById(householdId, HouseholdRow.class).switchIfEmpty(Mono.error(missing))
                .flatMap(row -> Caller.seen(row, row.townshipCode() != null ? row.townshipCode() : row.countyCode(), missing));
    }

    /** Rebuilds every read model from the topics (replay from the beginning). */
    @Allowed(Role.OPERATOR)
    @PostMapping("/admin/read-models/rebuild")
    Mono<ResponseEntity<Rebuild.Status>> rebuild() {
        return rebuild.start().map(status -> ResponseEntity.status(HttpStatus.ACCEPTED).body(status));
    }

    @Allowed(Role.OPERATOR)
    @GetMapping("/admin/read-models/rebuild")
    Mono<Rebuild.Status> rebuildStatus() {
        return rebuild.status();
    }

    private Period period(String text) {
        if (text == null) {
            return Period.month(YearMonth.now(clock));
        }
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RuleBroken("period", e.getMessage());
        }
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    private static ResponseEntity<?> answer(String format, String name, Object json, java.util.function.Supplier<String> csv) {
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        if (!format.equals("csv")) {
            throw new RuleBroken("format", "must be json or csv");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(csv.get());
    }

    /** The overview as rows of section, indicator, breakdown and value. */
    private static String overviewRows(Kpis kpis) {
        List<List<Object>> rows = new ArrayList<>();
        Kpis.Households h = kpis.households();
        rows.add(List.of("households", "monitored", "", h.monitored()));
        h.monitoredByCategory().forEach((category, n) -> rows.add(List.of("households", "monitored", category, n)));
        h.monitoredByRiskType().forEach((type, n) -> rows.add(List.of("households", "monitoredByRiskType", type, n)));
        rows.add(List.of("households", "newlyFlagged", "", h.newlyFlagged()));
        rows.add(List.of("households", "underIdentification", "", h.underIdentification()));
        rows.add(List.of("households", "overdue", "", h.overdue()));
        rows.add(List.of("households", "riskEliminated", "", h.riskEliminated()));
        rows.add(List.of("households", "riskEliminatedToDate", "", h.riskEliminatedToDate()));
        rows.add(List.of("households", "shareEliminatedPercent", "", h.shareEliminatedPercent()));
        Kpis.Employment e = kpis.employment();
        rows.add(List.of("employment", "labourForce", "", e.labourForce()));
        rows.add(List.of("employment", "inWork", "", e.inWork()));
        e.inWorkByChannel().forEach((channel, n) -> rows.add(List.of("employment", "inWork", channel, n)));
        rows.add(List.of("employment", "inWorkPercent", "", e.inWorkPercent()));
        rows.add(List.of("employment", "zeroEmploymentHouseholds", "", e.zeroEmploymentHouseholds()));
        Kpis.Microcredit m = kpis.microcredit();
        rows.add(List.of("microcredit", "issued", "", m.issued()));
        rows.add(List.of("microcredit", "issuedYuan", "", m.issuedYuan()));
        rows.add(List.of("microcredit", "overdue", "", m.overdue()));
        rows.add(List.of("microcredit", "overdueYuan", "", m.overdueYuan()));
        kpis.industryShare().forEach(c -> rows.add(List.of("industryShare", "sharePercent", c.countyCode(), c.sharePercent())));
        kpis.eastWest().forEach(p -> p.targets().forEach((indicator, target) -> {
            rows.add(List.of("eastWest", indicator + ".target", p.pairingId(), target));
            rows.add(List.of("eastWest", indicator + ".achieved", p.pairingId(), p.achieved().get(indicator)));
        }));
        return table(List.of("section", "indicator", "breakdown", "value"), rows);
    }

    private static String table(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
