package cn.fpr.industry.project;

import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.industry.household.SupportedHousehold;
import cn.fpr.industry.project.model.IndustryShare;
import cn.fpr.industry.project.model.LinkageMode;
import cn.fpr.industry.project.model.ProjectRole;
import cn.fpr.industry.project.model.ProjectStatus;
import cn.fpr.industry.project.model.ProjectWorkflow;
import cn.fpr.platform.audit.AuditTrail;
import cn.fpr.platform.messaging.InboundEvents;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The project database for villages, townships and counties; funds, the industry share, linkage and dividends. */
@RestController
@RequestMapping("/api/v1")
class ProjectController {

    record ProposalBody(@NotNull @Pattern(regexp = "\\d{6}") String countyCode, @NotNull @Pattern(regexp = "\\d{12}") String villageCode,
                        @NotBlank @Size(max = 200) String name, @NotNull ProjectCategory category,
                        @NotNull @Positive BigDecimal budgetYuan, @Min(2021) @Max(2100) int year) {
    }

    /** A decision on a project; who takes it, and in which role, comes from the caller's token. */
    record DecisionBody(boolean approve, @NotBlank @Size(max = 2000) String reason) {
    }

    record FundingBody(@NotBlank @Size(max = 64) String reference, @NotNull FundSource source, @NotNull @Positive BigDecimal amountYuan) {
    }

    record SpendingBody(@NotBlank @Size(max = 64) String reference, @NotNull @Positive BigDecimal amountYuan, @NotNull LocalDate on,
                        @Size(max = 500) String note) {
    }

    record AssetBody(@NotBlank String name, @NotNull @PositiveOrZero BigDecimal valueYuan, @NotBlank String owner) {
    }

    record CompletionBody(@NotEmpty List<@Valid AssetBody> assets) {
    }

    record LinkageBody(@NotBlank String householdId, @NotNull LinkageMode mode, @NotBlank @Size(max = 64) String operatorId) {
    }

    record DividendBody(@NotBlank @Size(max = 20) String period, @NotNull @Positive BigDecimal amountPerHouseholdYuan) {
    }

    record ProjectView(String projectId, String countyCode, String villageCode, String name, ProjectCategory category,
                       BigDecimal budgetYuan, int year, List<Integer> rolledOverFrom, ProjectStatus status, BigDecimal fundedYuan,
                       BigDecimal spentYuan, boolean linkageMissing, List<Project.Decision> decisions, List<Project.Funding> funding,
                       List<Project.Spending> spending, List<Project.Asset> assets, List<Project.Linkage> linkages) {

        static ProjectView of(Project p) {
            return new ProjectView(p.id(), p.countyCode(), p.villageCode(), p.name(), p.category(), p.budgetYuan(), p.year(),
                    p.rolledOverFrom(), p.status(), p.funded(), p.spent(), p.linkageMissing(), p.decisions(), p.funding(),
                    p.spending(), p.assets(), p.linkages());
        }
    }

    record Count(long count) {
    }

    private final Projects projects;
    private final AuditTrail audit;

    ProjectController(Projects projects, AuditTrail audit) {
        this.projects = projects;
        this.audit = audit;
    }

    @Allowed(Role.VILLAGE_CADRE)
    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ProjectView> propose(@Valid @RequestBody ProposalBody body) {
        return projects.propose(body.countyCode(), body.villageCode(), body.name(), body.category(), body.budgetYuan(), body.year())
                .map(ProjectView::of);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/projects")
    Flux<ProjectView> list(@RequestParam(required = false) @Pattern(regexp = "\\d{6}") String countyCode,
                           @RequestParam(required = false) Integer year,
                           @RequestParam(defaultValue = "false") boolean linkageMissing) {
        return projects.list(countyCode, year, linkageMissing).map(ProjectView::of);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/projects/{projectId}")
    Mono<ProjectView> find(@PathVariable String projectId) {
        return projects.find(projectId).map(ProjectView::of);
    }

    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL})
    @PostMapping("/projects/{projectId}/decisions")
    Mono<ProjectView> decide(@PathVariable String projectId, @Valid @RequestBody DecisionBody body) {
        return projects.find(projectId).flatMap(project -> {
            ProjectRole decider = ProjectWorkflow.nextDecider(project.status());
            Role needed = decider == ProjectRole.TOWNSHIP_REVIEWER ? Role.TOWNSHIP_REVIEWER : Role.COUNTY_OFFICIAL;
            return Caller.acting(needed, "the " + decider + "'s decision on " + projectId)
                    .zipWith(audit.entry("project-decision", projectId, null, decider + (body.approve() ? " approved" : " rejected")))
                    .flatMap(both -> projects.decide(projectId, decider, both.getT1().subject(), body.approve(), body.reason(), both.getT2()));
        }).map(ProjectView::of);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/projects/{projectId}/funding")
    Mono<ProjectView> fund(@PathVariable String projectId, @Valid @RequestBody FundingBody body) {
        return projects.fund(projectId, body.reference(), body.source(), body.amountYuan()).map(ProjectView::of);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/projects/{projectId}/spending")
    Mono<ProjectView> spend(@PathVariable String projectId, @Valid @RequestBody SpendingBody body) {
        return projects.spend(projectId, body.reference(), body.amountYuan(), body.on(), body.note()).map(ProjectView::of);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/projects/{projectId}/completion")
    Mono<ProjectView> complete(@PathVariable String projectId, @Valid @RequestBody CompletionBody body) {
        return projects.complete(projectId, body.assets().stream()
                .map(a -> new Project.Asset(a.name(), a.valueYuan(), a.owner())).toList()).map(ProjectView::of);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @GetMapping("/projects/{projectId}/linkage-candidates")
    Flux<SupportedHousehold> linkageCandidates(@PathVariable String projectId) {
        return projects.linkageCandidates(projectId);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/projects/{projectId}/linkages")
    Mono<ProjectView> link(@PathVariable String projectId, @Valid @RequestBody LinkageBody body) {
        return projects.link(projectId, body.householdId(), body.mode(), body.operatorId()).map(ProjectView::of);
    }

    /** Pays a period's dividend to the shareholding households; each gets dividend-paid (monitoring adds it to income). */
    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/projects/{projectId}/dividends")
    Mono<Count> payDividends(@PathVariable String projectId, @Valid @RequestBody DividendBody body) {
        return projects.payDividends(projectId, body.period(), body.amountPerHouseholdYuan()).map(Count::new);
    }

    /** Year end: approved projects that got no money move to the next year. */
    @Allowed(Role.OPERATOR)
    @PostMapping("/projects/rollover")
    Mono<Count> rollOver(@RequestParam @Min(2021) @Max(2100) int year) {
        return projects.rollOver(year).map(Count::new);
    }

    /** Each county's industry share of central connection funds against the year's minimum: the counties sharing ground with the caller's region. */
    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/industry-share")
    Flux<IndustryShareView> shares(@RequestParam @Min(2021) @Max(2100) int year,
                                   @RequestParam(required = false) @Pattern(regexp = "\\d{6}") String countyCode,
                                   @RequestParam(defaultValue = "false") boolean shortfallOnly) {
        return Caller.listedConcerning(countyCode, IndustryShare.Share::countyCode, () -> projects.shares(year, countyCode))
                .filter(s -> !shortfallOnly || s.shortfall()).map(IndustryShareView::of);
    }

    record IndustryShareView(String countyCode, int year, BigDecimal centralFundsYuan, BigDecimal industryYuan,
                             BigDecimal sharePercent, BigDecimal minimumPercent, boolean shortfall, boolean keyCounty) {

        static IndustryShareView of(IndustryShare.Share s) {
            return new IndustryShareView(s.countyCode(), s.year(), s.centralFundsYuan(), s.industryYuan(), s.sharePercent(),
                    s.minimumPercent(), s.shortfall(), s.keyCounty());
        }
    }

    /** Announces the counties below the minimum (industry-share-shortfall), once a day each. */
    @Allowed(Role.OPERATOR)
    @PostMapping("/industry-share/announcements")
    Mono<Count> announce(@RequestParam @Min(2021) @Max(2100) int year) {
        return projects.announceShortfalls(year).map(Count::new);
    }

    record PoolView(String countyCode, int year, BigDecimal receivedYuan, BigDecimal availableYuan,
                    List<FundPool.Receipt> receipts, List<FundPool.Draw> draws) {

        static PoolView of(FundPool pool) {
            return new PoolView(pool.countyCode(), pool.year(), pool.received(), pool.available(), pool.receipts(), pool.draws());
        }
    }

    /** East–west aid a county received in a year and what was drawn for projects. */
    @Allowed({Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/fund-pools/{countyCode}/{year}")
    Mono<PoolView> pool(@PathVariable String countyCode, @PathVariable int year) {
        return projects.pool(countyCode, year).map(PoolView::of);
    }

    /** East–west funds from the cooperation service. */
    @Configuration
    static class Binding {

        @Bean
        Consumer<Message<byte[]>> pairingEvents(InboundEvents inbound, Projects projects) {
            return message -> inbound.handle(message, PairingEvent.class, (envelope, event) -> projects.apply(event));
        }
    }
}
