package cn.fpr.industry.project;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.contracts.project.FundsAllocatedToProject;
import cn.fpr.contracts.project.ProjectApproved;
import cn.fpr.contracts.support.DividendPaid;
import cn.fpr.industry.project.model.LinkageMode;
import cn.fpr.industry.project.model.ProjectRole;
import cn.fpr.industry.project.model.ProjectStatus;
import cn.fpr.industry.project.model.ProjectWorkflow;
import cn.fpr.platform.outbox.AggregateRoot;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A project of the project database (項目庫), from the village's proposal to its assets and the households it links. */
@Document("projects")
public class Project extends AggregateRoot {

    /** A decision taken on the project. */
    public record Decision(ProjectRole role, String actorId, boolean approve, String reason, LocalDate on) {
    }

    /** Money allocated to the project, once per reference. */
    public record Funding(String reference, FundSource source, BigDecimal amountYuan, int year, LocalDate on) {
    }

    /** Money spent. */
    public record Spending(String reference, BigDecimal amountYuan, LocalDate on, String note) {
    }

    /** An asset of the completed project (項目資產台賬). */
    public record Asset(String name, BigDecimal valueYuan, String owner) {
    }

    /** A household linked to the project. */
    public record Linkage(String householdId, LinkageMode mode, String operator, LocalDate since) {
    }

    @Id
    private String id;
    @Indexed
    private String countyCode;
    private String villageCode;
    private String name;
    private ProjectCategory category;
    private BigDecimal budgetYuan;
    @Indexed
    private int year;
    private List<Integer> rolledOverFrom = new ArrayList<>();
    private ProjectStatus status;
    private List<Decision> decisions = new ArrayList<>();
    private List<Funding> funding = new ArrayList<>();
    private List<Spending> spending = new ArrayList<>();
    private List<Asset> assets = new ArrayList<>();
    private List<Linkage> linkages = new ArrayList<>();
    private List<String> dividendPeriodsPaid = new ArrayList<>();

    @PersistenceCreator
    Project() {
    }

    public Project(String id, String countyCode, String villageCode, String name, ProjectCategory category, BigDecimal budgetYuan,
                   int year) {
        this.id = id;
        this.countyCode = countyCode;
        this.villageCode = villageCode;
        this.name = name;
        this.category = category;
        this.budgetYuan = budgetYuan;
        this.year = year;
        this.status = ProjectStatus.PROPOSED;
    }

    public void decide(ProjectRole role, String actorId, boolean approve, String reason, LocalDate today,
                       Function<DomainEvent, EventEnvelope<?>> envelope) {
        status = ProjectWorkflow.decide(status, role, approve, reason);
        decisions.add(new Decision(role, actorId, approve, reason, today));
        if (status == ProjectStatus.APPROVED) {
            raise(envelope.apply(new ProjectApproved(id, countyCode, villageCode, category, budgetYuan, year, today)));
        }
    }

    /** Allocates money of a source; an approved project only, within its budget, once per reference. */
    public boolean fund(String reference, FundSource source, BigDecimal amount, LocalDate today,
                        Function<DomainEvent, EventEnvelope<?>> envelope) {
        if (funding.stream().anyMatch(f -> f.reference().equals(reference))) {
            return false;
        }
        if (status != ProjectStatus.APPROVED) {
            throw new RuleBroken("projectId", "only an approved project is funded, this one is " + status);
        }
        if (funded().add(amount).compareTo(budgetYuan) > 0) {
            throw new RuleBroken("amountYuan", "the budget is " + budgetYuan + " and " + funded() + " is allocated already");
        }
        funding.add(new Funding(reference, source, amount, year, today));
        raise(envelope.apply(new FundsAllocatedToProject(id, countyCode, category, source, amount, year, today)));
        return true;
    }

    public void spend(String reference, BigDecimal amount, LocalDate on, String note) {
        if (spending.stream().anyMatch(s -> s.reference().equals(reference))) {
            return;
        }
        if (spent().add(amount).compareTo(funded()) > 0) {
            throw new RuleBroken("amountYuan", "spending cannot pass the " + funded() + " allocated; " + spent() + " is spent");
        }
        spending.add(new Spending(reference, amount, on, note));
    }

    /** The project is built; its assets go into the register. */
    public void complete(List<Asset> registered) {
        if (status != ProjectStatus.APPROVED) {
            throw new RuleBroken("projectId", "only an approved project is completed, this one is " + status);
        }
        if (registered.isEmpty()) {
            throw new RuleBroken("assets", "a completed project registers its assets");
        }
        status = ProjectStatus.COMPLETED;
        assets = new ArrayList<>(registered);
    }

    /** Moves an approved project that got no money to the next year's plan. */
    public boolean rollOver(int closingYear) {
        if (!ProjectWorkflow.rollsOver(status, !funding.isEmpty(), year, closingYear)) {
            return false;
        }
        rolledOverFrom.add(year);
        year = closingYear + 1;
        return true;
    }

    public void link(String householdId, LinkageMode mode, String operator, LocalDate today) {
        if (status != ProjectStatus.APPROVED && status != ProjectStatus.COMPLETED) {
            throw new RuleBroken("projectId", "households are linked to approved or completed projects");
        }
        if (linkages.stream().anyMatch(l -> l.householdId().equals(householdId) && l.mode() == mode)) {
            throw new RuleBroken("householdId", "is linked this way already");
        }
        linkages.add(new Linkage(householdId, mode, operator, today));
    }

    /** Pays the period's dividend to every household linked by shares; each gets dividend-paid, once per period. */
    public int payDividends(String period, BigDecimal amountPerHousehold, LocalDate today,
                            Function<DomainEvent, EventEnvelope<?>> envelope) {
        if (dividendPeriodsPaid.contains(period)) {
            throw new RuleBroken("period", "the dividend for " + period + " is paid already");
        }
        List<Linkage> shareholders = linkages.stream().filter(l -> l.mode() == LinkageMode.DIVIDEND).toList();
        if (shareholders.isEmpty()) {
            throw new RuleBroken("projectId", "no household holds shares in this project");
        }
        shareholders.forEach(l -> raise(envelope.apply(new DividendPaid(dividendId(period, l.householdId()), l.householdId(),
                id, amountPerHousehold, period, today))));
        dividendPeriodsPaid.add(period);
        return shareholders.size();
    }

    /** The same payment always has the same ID. */
    private String dividendId(String period, String householdId) {
        return "div-" + UUID.nameUUIDFromBytes((id + "|" + period + "|" + householdId).getBytes(StandardCharsets.UTF_8));
    }

    /** An operating project built with assistance money must link households [N]. */
    public boolean linkageMissing() {
        return status == ProjectStatus.COMPLETED && !funding.isEmpty() && linkages.isEmpty();
    }

    public BigDecimal funded() {
        return funding.stream().map(Funding::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal spent() {
        return spending.stream().map(Spending::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String id() { return id; }
    public String countyCode() { return countyCode; }
    public String villageCode() { return villageCode; }
    public String name() { return name; }
    public ProjectCategory category() { return category; }
    public BigDecimal budgetYuan() { return budgetYuan; }
    public int year() { return year; }
    public List<Integer> rolledOverFrom() { return List.copyOf(rolledOverFrom); }
    public ProjectStatus status() { return status; }
    public List<Decision> decisions() { return List.copyOf(decisions); }
    public List<Funding> funding() { return List.copyOf(funding); }
    public List<Spending> spending() { return List.copyOf(spending); }
    public List<Asset> assets() { return List.copyOf(assets); }
    public List<Linkage> linkages() { return List.copyOf(linkages); }
}
