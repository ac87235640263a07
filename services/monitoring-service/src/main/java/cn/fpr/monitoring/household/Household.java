package cn.fpr.monitoring.household;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.model.MonitoringStatus;
import cn.fpr.monitoring.household.model.RiskAssessment;
import cn.fpr.monitoring.household.model.SignalOutcome;
import cn.fpr.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A registered household: who lives in it, what it earns, and where it stands in monitoring. */
@Document("households")
public class Household extends AggregateRoot {

    @Id
    private String id;
    private Region region;
    private boolean liftedFromPoverty;
    private List<Member> members = new ArrayList<>();
    private BigDecimal annualNetIncomeYuan;
    private MonitoringStatus status = MonitoringStatus.REGISTERED;
    private HouseholdCategory category;
    private List<RiskType> riskTypes = new ArrayList<>();
    private LocalDate flaggedOn;
    private List<SignalRecord> signals = new ArrayList<>();

    @PersistenceCreator
    Household() {
    }

    public Household(String id, Region region, boolean liftedFromPoverty, List<Member> members, BigDecimal annualNetIncomeYuan) {
        this.id = id;
        this.region = region;
        this.liftedFromPoverty = liftedFromPoverty;
        this.members = new ArrayList<>(members);
        this.annualNetIncomeYuan = annualNetIncomeYuan;
    }

    /**
     * Takes a department's warning into the file: income and rigid spending as reported, assessed
     * against the line; a household newly below it is flagged and household-flagged is raised.
     */
    public SignalOutcome receive(DepartmentSignalReceived signal, BigDecimal line, LocalDate today,
                                 Function<HouseholdFlagged, EventEnvelope<HouseholdFlagged>> envelope) {
        String signalKey = signalKey(signal);
        if (hasApplied(signalKey)) {
            return SignalOutcome.DUPLICATE;
        }
        if (signal.annualNetIncomeYuan() != null) {
            annualNetIncomeYuan = signal.annualNetIncomeYuan();
        }
        BigDecimal rigidSpending = signal.rigidSpendingYuan() == null ? BigDecimal.ZERO : signal.rigidSpendingYuan();
        RiskAssessment.Assessment assessment = RiskAssessment.assess(annualNetIncomeYuan, rigidSpending, members.size(), line);
        SignalOutcome outcome = outcomeOf(assessment);
        if (outcome == SignalOutcome.FLAGGED) {
            flag(signal, rigidSpending, assessment, today, envelope);
        } else if (outcome == SignalOutcome.ALREADY_MONITORED && !riskTypes.contains(signal.riskType())) {
            riskTypes.add(signal.riskType());
        }
        signals.add(new SignalRecord(signal.signalId(), signal.department(), signal.riskType(), signal.observedOn(),
                assessment.perCapitaNetIncomeYuan(), line, outcome));
        markApplied(signalKey);
        return outcome;
    }

    private SignalOutcome outcomeOf(RiskAssessment.Assessment assessment) {
        if (status == MonitoringStatus.MONITORED) {
            return SignalOutcome.ALREADY_MONITORED;
        }
        return assessment.atRisk() ? SignalOutcome.FLAGGED : SignalOutcome.NOT_AT_RISK;
    }

    private void flag(DepartmentSignalReceived signal, BigDecimal rigidSpending, RiskAssessment.Assessment assessment,
                      LocalDate today, Function<HouseholdFlagged, EventEnvelope<HouseholdFlagged>> envelope) {
        status = MonitoringStatus.MONITORED;
        category = RiskAssessment.categorise(liftedFromPoverty, signal.riskType(), rigidSpending);
        riskTypes = new ArrayList<>(List.of(signal.riskType()));
        flaggedOn = today;
        List<LabourMember> labour = members.stream()
                .filter(member -> member.labourCapacity().canWork())
                .map(member -> new LabourMember(member.memberId(), member.birthYear(), member.labourCapacity(), member.skills()))
                .toList();
        raise(envelope.apply(new HouseholdFlagged(id, region, category, List.copyOf(riskTypes),
                assessment.perCapitaNetIncomeYuan(), assessment.lineYuan(), labour, today)));
    }

    /** A department's signal is the same signal however often it is sent, over HTTP or Kafka. */
    static String signalKey(DepartmentSignalReceived signal) {
        return "signal:" + signal.department() + ":" + signal.signalId();
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

    public List<SignalRecord> signals() {
        return List.copyOf(signals);
    }
}
