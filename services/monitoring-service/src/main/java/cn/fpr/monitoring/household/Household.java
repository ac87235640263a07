package cn.fpr.monitoring.household;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseOutcome;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.CaseClosed;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdReassessed;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.monitoring.casework.model.CaseStatus;
import cn.fpr.monitoring.casework.model.Procedure;
import cn.fpr.monitoring.casework.model.ProcedureState;
import cn.fpr.monitoring.casework.model.StepRecord;
import cn.fpr.monitoring.casework.model.StepRequest;
import cn.fpr.monitoring.household.model.AssistancePlan;
import cn.fpr.monitoring.household.model.DrinkingWater;
import cn.fpr.monitoring.household.model.Employment;
import cn.fpr.monitoring.household.model.ExitEligibility;
import cn.fpr.monitoring.household.model.HealthStatus;
import cn.fpr.monitoring.household.model.HouseholdConditions;
import cn.fpr.monitoring.household.model.HousingGrade;
import cn.fpr.monitoring.household.model.IncomeEntry;
import cn.fpr.monitoring.household.model.MonitoringStatus;
import cn.fpr.monitoring.household.model.MonthlyIncome;
import cn.fpr.monitoring.household.model.ProvincePolicies;
import cn.fpr.monitoring.household.model.RiskAssessment;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.monitoring.household.model.SchoolStage;
import cn.fpr.monitoring.household.model.Signal;
import cn.fpr.monitoring.household.model.SignalChannel;
import cn.fpr.monitoring.household.model.SignalOutcome;
import cn.fpr.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A registered household and everything monitoring knows of it: members, income, conditions,
 * signals, cases and their procedure, help received, and its timeline. It is the consistency
 * boundary: every change and the events it causes are saved in one document write.
 */
@Document("households")
public class Household extends AggregateRoot {

    /** Months of income history kept in view for exit checks. */
    private static final int INCOME_WINDOW_MONTHS = 24;

    @Id
    private String id;
    private Region region;
    private boolean liftedFromPoverty;
    private List<Member> members = new ArrayList<>();
    private BigDecimal annualNetIncomeYuan;
    private List<RigidSpending> rigidSpending = new ArrayList<>();
    private HousingGrade housingGrade;
    private DrinkingWater drinkingWater;
    private boolean foodAndClothingSecure = true;
    private boolean socialSecurityBacked;
    private String responsibleCadre;
    private MonitoringStatus status = MonitoringStatus.REGISTERED;
    private HouseholdCategory category;
    private List<RiskType> riskTypes = new ArrayList<>();
    private LocalDate flaggedOn;
    private LocalDate eliminatedOn;
    private Assessed assessment;
    private List<SignalRecord> signals = new ArrayList<>();
    private List<ProcedureState> cases = new ArrayList<>();
    @Indexed
    private String openCaseId;
    @Indexed
    private LocalDate openCaseNextDeadline;
    private List<IncomeEntry> income = new ArrayList<>();
    private List<Employment> employments = new ArrayList<>();
    private List<Measure> measures = new ArrayList<>();
    private List<TimelineEntry> timeline = new ArrayList<>();
    /** The household's contact phone number, sealed ({@link cn.fpr.platform.identity.PersonalData}); null if not given. */
    private String sealedPhone;

    @PersistenceCreator
    Household() {
    }

    public Household(String id, Region region, boolean liftedFromPoverty, List<Member> members, BigDecimal annualNetIncomeYuan,
                     String responsibleCadre, Occasion occasion) {
        this.id = id;
        this.region = region;
        this.liftedFromPoverty = liftedFromPoverty;
        this.members = new ArrayList<>(members);
        this.annualNetIncomeYuan = annualNetIncomeYuan;
        this.responsibleCadre = responsibleCadre;
        note(occasion, "registration", "registered with " + members.size() + " members");
        emit(occasion, new HouseholdRegistered(id, region, liftedFromPoverty, labourMembers(), occasion.today()));
    }

    // ---- signals -------------------------------------------------------------------------------

    /**
     * Takes a risk signal into the file. What it reports updates the household's conditions; then
     * a monitored household just records it, an open identification case gets it linked, and a
     * household the rules find at risk gets an identification case opened.
     */
    public SignalOutcome receive(Signal signal, BigDecimal line, ProvincePolicies.Policy policy, Supplier<String> newCaseId,
                                 Occasion occasion) {
        if (hasApplied(signal.key()) || signals.stream().anyMatch(seen -> seen.channel() == signal.channel()
                && seen.source().equals(signal.source()) && seen.reference().equals(signal.reference()))) {
            return SignalOutcome.DUPLICATE;
        }
        takeConditionsFrom(signal);
        RiskAssessment.Assessment assessed = RiskAssessment.assess(conditions(), line, policy.standards());
        assessment = new Assessed(occasion.today().getYear(), line, assessed.perCapitaNetIncomeYuan(), assessed.atRisk(),
                occasion.today());
        Optional<ProcedureState> open = openIdentification();
        SignalOutcome outcome;
        if (status == MonitoringStatus.MONITORED) {
            if (!riskTypes.contains(signal.riskType())) {
                riskTypes.add(signal.riskType());
            }
            outcome = SignalOutcome.ALREADY_MONITORED;
        } else if (open.isPresent()) {
            replace(Procedure.link(open.get(), signal.riskType()));
            outcome = SignalOutcome.LINKED_TO_OPEN_CASE;
        } else if (assessed.atRisk()) {
            openCase(CaseKind.IDENTIFICATION, Set.of(signal.riskType()), newCaseId.get(), policy, occasion);
            outcome = SignalOutcome.CASE_OPENED;
        } else {
            outcome = SignalOutcome.NOT_AT_RISK;
        }
        signals.add(new SignalRecord(signal.channel(), signal.source(), signal.reference(), signal.riskType(),
                signal.observedOn(), assessed.perCapitaNetIncomeYuan(), line, outcome, openCaseId, occasion.correlationId()));
        note(occasion, "signal", signal.channel() + " from " + signal.source() + ": " + signal.riskType() + " → " + outcome);
        markApplied(signal.key());
        return outcome;
    }

    private void takeConditionsFrom(Signal signal) {
        if (signal.annualNetIncomeYuan() != null) {
            annualNetIncome(signal.annualNetIncomeYuan());
        }
        if (signal.rigidSpendingYuan() != null && signal.rigidSpendingYuan().signum() > 0) {
            rigidSpending.add(new RigidSpending(signal.key(), signal.rigidSpendingYuan(), signal.observedOn(), false));
        }
        if (signal.housing() != null) {
            housingGrade = signal.housing();
        }
        if (signal.water() != null) {
            drinkingWater = signal.water();
        }
    }

    // ---- cases ---------------------------------------------------------------------------------

    private void openCase(CaseKind kind, Set<RiskType> risks, String caseId, ProvincePolicies.Policy policy, Occasion occasion) {
        ProcedureState opened = Procedure.open(caseId, kind, risks, occasion.today(), policy.limits(), occasion.correlationId());
        cases.add(opened);
        track(opened, policy);
        emit(occasion, new CaseOpened(caseId, id, region, kind, sorted(risks), opened.openedOn(), opened.dueOn()));
    }

    /** Takes the next step of the open case; approval at county level flags the household or eliminates its risk. */
    public ProcedureState takeStep(String caseId, StepRequest request, BigDecimal line, ProvincePolicies.Policy policy,
                                   Occasion requested) {
        ProcedureState current = openCase(caseId);
        Occasion occasion = requested.inChain(current.correlationId());
        ProcedureState next = Procedure.take(current, request, occasion.today(), policy.limits());
        replace(next);
        track(next, policy);
        note(occasion, "step", current.kind() + " " + request.step() + " " + request.decision() + " by " + request.role()
                + " " + request.actorId() + ": " + request.reason());
        if (next.status() == CaseStatus.REJECTED) {
            emit(occasion, closed(next, CaseOutcome.REJECTED, request));
        } else if (next.status() == CaseStatus.APPROVED) {
            emit(occasion, closed(next, CaseOutcome.APPROVED, request));
            if (next.kind() == CaseKind.IDENTIFICATION) {
                flag(next, occasion);
            } else {
                eliminate(next, line, policy, occasion);
            }
        }
        return next;
    }

    private CaseClosed closed(ProcedureState state, CaseOutcome outcome, StepRequest request) {
        StepRecord last = state.steps().get(state.steps().size() - 1);
        return new CaseClosed(state.caseId(), id, region, state.kind(), outcome, request.step(), request.reason(), last.decidedOn());
    }

    private void flag(ProcedureState approved, Occasion occasion) {
        status = MonitoringStatus.MONITORED;
        riskTypes = new ArrayList<>(sorted(approved.riskTypes()));
        category = RiskAssessment.categorise(liftedFromPoverty, approved.riskTypes(), unresolvedRigidSpending());
        flaggedOn = occasion.today();
        eliminatedOn = null;
        List<LabourMember> labour = labourMembers();
        BigDecimal perCapita = assessment == null ? BigDecimal.ZERO : assessment.perCapitaNetIncomeYuan();
        BigDecimal line = assessment == null ? BigDecimal.ZERO : assessment.lineYuan();
        emit(occasion, new HouseholdFlagged(id, region, category, List.copyOf(riskTypes), perCapita, line, !labour.isEmpty(),
                labour, AssistancePlan.needsFor(approved.riskTypes(), !labour.isEmpty()), approved.caseId(), flaggedOn));
    }

    /** Opens the exit review when the household meets the exit rules, or says why not. */
    public ExitEligibility.Decision openExitReview(BigDecimal line, ProvincePolicies.Policy policy, String caseId,
                                                   Occasion occasion) {
        if (status != MonitoringStatus.MONITORED) {
            throw new RuleBroken("householdId", "only a monitored household can exit");
        }
        if (openCaseId != null) {
            throw new RuleBroken("householdId", "case " + openCaseId + " is still open");
        }
        ExitEligibility.Decision decision = exitDecision(line, policy, occasion.today());
        if (!decision.eligible()) {
            throw new RuleBroken("householdId", String.join("; ", decision.reasons()));
        }
        openCase(CaseKind.EXIT, Set.of(), caseId, policy, occasion);
        return decision;
    }

    /** Whether the household could exit today, from its dated records. */
    public ExitEligibility.Decision exitDecision(BigDecimal line, ProvincePolicies.Policy policy, LocalDate today) {
        YearMonth lastComplete = YearMonth.from(today).minusMonths(1);
        Map<YearMonth, BigDecimal> monthly = MonthlyIncome.perCapitaNet(income, employments, members.size(),
                lastComplete.minusMonths(INCOME_WINDOW_MONTHS - 1L), lastComplete);
        boolean hasLabour = members.stream().anyMatch(member -> member.labourCapacity().canWork());
        ExitEligibility.Facts facts = new ExitEligibility.Facts(hasLabour, socialSecurityBacked, Set.copyOf(riskTypes),
                unresolvedRigidSpending(), RiskAssessment.unmet(conditions(), policy.standards()), monthly);
        return ExitEligibility.check(facts, line, lastComplete, policy.requiredStableMonths());
    }

    private void eliminate(ProcedureState approved, BigDecimal line, ProvincePolicies.Policy policy, Occasion occasion) {
        ExitEligibility.Decision decision = exitDecision(line, policy, occasion.today());
        status = MonitoringStatus.RISK_ELIMINATED;
        eliminatedOn = occasion.today();
        YearMonth lastComplete = YearMonth.from(occasion.today()).minusMonths(1);
        BigDecimal monthly = MonthlyIncome.perCapitaNet(income, employments, members.size(), lastComplete, lastComplete)
                .get(lastComplete);
        BigDecimal perCapitaAnnual = monthly.multiply(BigDecimal.valueOf(12));
        // the income the exit review verified replaces the one reported before: a later signal is judged against it
        annualNetIncome(perCapitaAnnual.multiply(BigDecimal.valueOf(members.size())));
        emit(occasion, new HouseholdRiskEliminated(id, region, perCapitaAnnual, decision.stableMonths(), approved.caseId(),
                eliminatedOn));
    }

    /** Help before identification completes, for disaster and accident cases. */
    public void grantEarlyAssistance(String caseId, String detail, Occasion occasion) {
        replace(Procedure.grantEarlyAssistance(openCase(caseId)));
        measures.add(new Measure("EARLY_ASSISTANCE", caseId, occasion.today(), detail));
        note(occasion, "measure", "early assistance before identification: " + detail);
    }

    /** Announces the deadlines of the open case that passed; each once. */
    public int announceOverdue(ProvincePolicies.Policy policy, Occasion occasion) {
        if (openCaseId == null) {
            return 0;
        }
        ProcedureState open = openCase(openCaseId);
        List<Procedure.Overdue> overdue = Procedure.newlyOverdue(open, occasion.today(), policy.limits());
        for (Procedure.Overdue late : overdue) {
            emit(occasion.inChain(open.correlationId()), new CaseOverdue(open.caseId(), id, region, open.kind(), late.pendingStep(), open.openedOn(),
                    late.dueOn(), late.daysOverdue()));
        }
        ProcedureState announced = Procedure.announced(open, overdue);
        if (!overdue.isEmpty()) {
            note(occasion.inChain(open.correlationId()), "deadline", overdue.size() + " deadline(s) of " + open.caseId() + " passed");
        }
        replace(announced);
        track(announced, policy);
        return overdue.size();
    }

    private ProcedureState openCase(String caseId) {
        if (caseId == null || !caseId.equals(openCaseId)) {
            throw new RuleBroken("caseId", "case " + caseId + " is not open for this household");
        }
        return cases.stream().filter(state -> state.caseId().equals(caseId)).findFirst().orElseThrow();
    }

    private Optional<ProcedureState> openIdentification() {
        return Optional.ofNullable(openCaseId).map(this::openCase).filter(state -> state.kind() == CaseKind.IDENTIFICATION);
    }

    private void replace(ProcedureState state) {
        cases.replaceAll(existing -> existing.caseId().equals(state.caseId()) ? state : existing);
    }

    private void track(ProcedureState state, ProvincePolicies.Policy policy) {
        boolean open = state.status() == CaseStatus.OPEN;
        openCaseId = open ? state.caseId() : null;
        openCaseNextDeadline = open ? Procedure.nextDeadline(state, policy.limits()).orElse(null) : null;
    }

    // ---- thresholds ----------------------------------------------------------------------------

    /**
     * Re-evaluates the household against a changed line. Only a change of risk raises an event;
     * a household newly at risk that is not monitored gets an identification case.
     */
    public boolean reassess(BigDecimal line, ProvincePolicies.Policy policy, Supplier<String> newCaseId, Occasion occasion) {
        RiskAssessment.Assessment assessed = RiskAssessment.assess(conditions(), line, policy.standards());
        boolean wasAtRisk = assessment != null && assessment.atRisk();
        assessment = new Assessed(occasion.today().getYear(), line, assessed.perCapitaNetIncomeYuan(), assessed.atRisk(),
                occasion.today());
        if (wasAtRisk == assessed.atRisk()) {
            return false;
        }
        emit(occasion, new HouseholdReassessed(id, region, occasion.today().getYear(), line, assessed.perCapitaNetIncomeYuan(),
                assessed.atRisk(), occasion.today()));
        if (assessed.atRisk() && status != MonitoringStatus.MONITORED && openCaseId == null) {
            Signal signal = new Signal(SignalChannel.THRESHOLD_CHANGE, region.provinceCode(), occasion.today() + ":" + line,
                    id, RiskType.OTHER, occasion.today(), null, null, null, null, "monitoring line changed to " + line);
            receive(signal, line, policy, newCaseId, occasion);
        }
        return true;
    }

    // ---- assistance and income -----------------------------------------------------------------

    /** Records income once per entry. */
    public boolean recordIncome(IncomeEntry entry, Occasion occasion) {
        if (income.stream().anyMatch(recorded -> recorded.entryId().equals(entry.entryId()))) {
            return false;
        }
        income.add(entry);
        note(occasion, "income", entry.source() + " " + entry.month() + ": " + entry.net() + " yuan net");
        return true;
    }

    /** A member started work (employment's job-placed). */
    public void jobStarted(String eventId, Employment employment, String detail, Occasion occasion) {
        if (employments.stream().anyMatch(job -> job.placementId().equals(employment.placementId()))) {
            return;
        }
        applyOnce(eventId, () -> {
            employments.add(employment);
            measures.add(new Measure("JOB_PLACEMENT", employment.placementId(), employment.startDate(), detail));
            note(occasion, "measure", "member " + employment.memberId() + " placed: " + detail);
        });
    }

    /**
     * A member lost work (employment's job-lost): the job ends, and it is a risk signal of unstable
     * employment. If the household's annual net income counted the job's wage, a year of that wage
     * leaves it before the risk is judged.
     */
    public void jobEnded(String eventId, String placementId, LocalDate lastDay, Signal signal, BigDecimal line,
                         ProvincePolicies.Policy policy, Supplier<String> newCaseId, Occasion occasion) {
        if (hasApplied(eventId)) {
            return;
        }
        for (int i = 0; i < employments.size(); i++) {
            Employment job = employments.get(i);
            if (job.placementId().equals(placementId) && job.endDate() == null) {
                employments.set(i, job.endedOn(lastDay));
                if (job.inAnnualIncome() && annualNetIncomeYuan != null) {
                    annualNetIncomeYuan = annualNetIncomeYuan.subtract(job.annualWageYuan()).max(BigDecimal.ZERO);
                    note(occasion, "income", "the wage of job " + placementId + " (" + job.monthlyWageYuan()
                            + " yuan a month) leaves the annual net income: " + annualNetIncomeYuan + " yuan");
                }
            }
        }
        receive(signal, line, policy, newCaseId, occasion);
        markApplied(eventId);
    }

    /** A new figure for the household's annual net income: it counts the wages of the jobs its members are in now. */
    private void annualNetIncome(BigDecimal figure) {
        annualNetIncomeYuan = figure;
        employments.replaceAll(Employment::countedInAnnualIncome);
    }

    /** Help recorded on the household (training, a loan, a dividend, ...). */
    public void helped(String eventId, Measure measure, Occasion occasion) {
        applyOnce(eventId, () -> {
            measures.add(measure);
            note(occasion, "measure", measure.kind() + ": " + measure.detail());
        });
    }

    /** A risk signal from another service (a loan overdue), applied once per event. */
    public void warnedBy(String eventId, Signal signal, BigDecimal line, ProvincePolicies.Policy policy,
                         Supplier<String> newCaseId, Occasion occasion) {
        if (!hasApplied(eventId)) {
            receive(signal, line, policy, newCaseId, occasion);
            markApplied(eventId);
        }
    }

    /** Updates conditions a cadre found; a change of them is noted on the timeline. */
    public void updateConditions(Conditions update, Occasion occasion) {
        if (update.housingGrade() != null) {
            housingGrade = update.housingGrade();
        }
        if (update.drinkingWater() != null) {
            drinkingWater = update.drinkingWater();
        }
        if (update.foodAndClothingSecure() != null) {
            foodAndClothingSecure = update.foodAndClothingSecure();
        }
        if (update.socialSecurityBacked() != null) {
            socialSecurityBacked = update.socialSecurityBacked();
        }
        if (update.responsibleCadre() != null) {
            responsibleCadre = update.responsibleCadre();
        }
        if (update.annualNetIncomeYuan() != null) {
            annualNetIncome(update.annualNetIncomeYuan());
        }
        if (Boolean.TRUE.equals(update.rigidSpendingResolved())) {
            rigidSpending.replaceAll(spending -> new RigidSpending(spending.reference(), spending.amountYuan(),
                    spending.incurredOn(), true));
        }
        note(occasion, "conditions", update.toString());
    }

    /** Adds a member (a birth, a marriage) to the household. */
    public void addMember(Member member, Occasion occasion) {
        members.add(member);
        note(occasion, "member", "member " + member.memberId() + " added as " + member.relation());
    }

    /** A new contact phone number, sealed; the timeline notes the change, not the number. */
    public void changePhone(String sealed, Occasion occasion) {
        sealedPhone = sealed;
        note(occasion, "contact", "contact phone number changed");
    }

    public String sealedPhone() {
        return sealedPhone;
    }

    /** Updates what changes about a member over time; null fields stay as they are. */
    public void updateMember(String memberId, MemberUpdate update, Occasion occasion) {
        Member current = members.stream().filter(member -> member.memberId().equals(memberId)).findFirst()
                .orElseThrow(() -> new RuleBroken("memberId", "no member " + memberId + " in household " + id));
        Member updated = new Member(current.memberId(), current.idHash(), current.maskedIdNumber(), current.birthYear(),
                current.relation(), or(update.health(), current.health()), or(update.labourCapacity(), current.labourCapacity()),
                or(update.skills(), current.skills()), or(update.schoolStage(), current.schoolStage()),
                or(update.medicallyInsured(), current.medicallyInsured()), or(update.pensionInsured(), current.pensionInsured()),
                current.sealedName());
        members.replaceAll(member -> member.memberId().equals(memberId) ? updated : member);
        note(occasion, "member", "member " + memberId + " updated: " + update);
    }

    /** A change of a member's health, labour, skills, schooling or insurance. */
    public record MemberUpdate(HealthStatus health, LabourCapacity labourCapacity,
                               List<String> skills, SchoolStage schoolStage,
                               Boolean medicallyInsured, Boolean pensionInsured) {
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** A cadre's update of a household's conditions; null fields stay as they are. */
    public record Conditions(HousingGrade housingGrade, DrinkingWater drinkingWater, Boolean foodAndClothingSecure,
                             Boolean socialSecurityBacked, String responsibleCadre, BigDecimal annualNetIncomeYuan,
                             Boolean rigidSpendingResolved) {
    }

    private void applyOnce(String eventId, Runnable change) {
        if (!hasApplied(eventId)) {
            change.run();
            markApplied(eventId);
        }
    }

    // ---- shared --------------------------------------------------------------------------------

    HouseholdConditions conditions() {
        return new HouseholdConditions(members.size(), annualNetIncomeYuan, unresolvedRigidSpending(), housingGrade,
                drinkingWater, members.stream()
                .map(member -> new HouseholdConditions.MemberConditions(member.schoolStage(), member.medicallyInsured()))
                .toList(), foodAndClothingSecure);
    }

    private BigDecimal unresolvedRigidSpending() {
        return rigidSpending.stream().filter(spending -> !spending.resolved()).map(RigidSpending::amountYuan)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<LabourMember> labourMembers() {
        return members.stream()
                .filter(member -> member.labourCapacity().canWork())
                .map(member -> new LabourMember(member.memberId(), member.birthYear(), member.labourCapacity(), member.skills()))
                .toList();
    }

    private void emit(Occasion occasion, HouseholdEvent event) {
        raise(occasion.envelope(event));
        note(occasion, "event", event.getClass().getSimpleName());
    }

    private void note(Occasion occasion, String kind, String summary) {
        timeline.add(new TimelineEntry(occasion.now(), occasion.today(), kind, summary, occasion.correlationId()));
    }

    private static List<RiskType> sorted(Set<RiskType> risks) {
        return risks.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(risks));
    }

    public String id() {
        return id;
    }

    public Region region() {
        return region;
    }

    public boolean liftedFromPoverty() {
        return liftedFromPoverty;
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public BigDecimal annualNetIncomeYuan() {
        return annualNetIncomeYuan;
    }

    public MonitoringStatus status() {
        return status;
    }

    public HouseholdCategory category() {
        return category;
    }

    public List<RiskType> riskTypes() {
        return List.copyOf(riskTypes);
    }

    public LocalDate flaggedOn() {
        return flaggedOn;
    }

    public LocalDate eliminatedOn() {
        return eliminatedOn;
    }

    public HousingGrade housingGrade() {
        return housingGrade;
    }

    public DrinkingWater drinkingWater() {
        return drinkingWater;
    }

    public boolean socialSecurityBacked() {
        return socialSecurityBacked;
    }

    public String responsibleCadre() {
        return responsibleCadre;
    }

    public Assessed assessment() {
        return assessment;
    }

    public List<SignalRecord> signals() {
        return List.copyOf(signals);
    }

    public List<ProcedureState> cases() {
        return List.copyOf(cases);
    }

    public String openCaseId() {
        return openCaseId;
    }

    public List<IncomeEntry> income() {
        return List.copyOf(income);
    }

    public List<Employment> employments() {
        return List.copyOf(employments);
    }

    public List<Measure> measures() {
        return List.copyOf(measures);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public List<RigidSpending> rigidSpending() {
        return List.copyOf(rigidSpending);
    }

    /** The pending step of the open case, if any. */
    public Optional<CaseStep> pendingStep() {
        return Optional.ofNullable(openCaseId).map(this::openCase).flatMap(Procedure::pendingStep);
    }
}
