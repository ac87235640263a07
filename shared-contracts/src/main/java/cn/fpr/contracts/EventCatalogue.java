package cn.fpr.contracts;

import cn.fpr.contracts.county.IndustryShareShortfall;
import cn.fpr.contracts.household.CaseClosed;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdReassessed;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.TrainingCompleted;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.pairing.AgreementSigned;
import cn.fpr.contracts.pairing.CadreDispatched;
import cn.fpr.contracts.pairing.ConsumptionPurchaseRecorded;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.contracts.pairing.PairingDeclineDetected;
import cn.fpr.contracts.project.FundsAllocatedToProject;
import cn.fpr.contracts.project.ProjectApproved;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.contracts.support.DividendPaid;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The v1 event catalogue: every event type, its record, its schema and its topic. */
public final class EventCatalogue {

    public static final EventType<DepartmentSignalReceived> DEPARTMENT_SIGNAL_RECEIVED =
            new EventType<>("department-signal-received", 1, DepartmentSignalReceived.class, Topics.DEPARTMENT_SIGNALS);
    public static final EventType<HouseholdRegistered> HOUSEHOLD_REGISTERED =
            new EventType<>("household-registered", 1, HouseholdRegistered.class, Topics.HOUSEHOLD);
    public static final EventType<HouseholdFlagged> HOUSEHOLD_FLAGGED =
            new EventType<>("household-flagged", 1, HouseholdFlagged.class, Topics.HOUSEHOLD);
    public static final EventType<HouseholdRiskEliminated> HOUSEHOLD_RISK_ELIMINATED =
            new EventType<>("household-risk-eliminated", 1, HouseholdRiskEliminated.class, Topics.HOUSEHOLD);
    public static final EventType<CaseOpened> CASE_OPENED =
            new EventType<>("case-opened", 1, CaseOpened.class, Topics.HOUSEHOLD);
    public static final EventType<CaseOverdue> CASE_OVERDUE =
            new EventType<>("case-overdue", 1, CaseOverdue.class, Topics.HOUSEHOLD);
    public static final EventType<CaseClosed> CASE_CLOSED =
            new EventType<>("case-closed", 1, CaseClosed.class, Topics.HOUSEHOLD);
    public static final EventType<HouseholdReassessed> HOUSEHOLD_REASSESSED =
            new EventType<>("household-reassessed", 1, HouseholdReassessed.class, Topics.HOUSEHOLD);
    public static final EventType<JobPlaced> JOB_PLACED =
            new EventType<>("job-placed", 1, JobPlaced.class, Topics.LABOUR);
    public static final EventType<JobLost> JOB_LOST =
            new EventType<>("job-lost", 1, JobLost.class, Topics.LABOUR);
    public static final EventType<TrainingCompleted> TRAINING_COMPLETED =
            new EventType<>("training-completed", 1, TrainingCompleted.class, Topics.LABOUR);
    public static final EventType<ZeroEmploymentHouseholdDetected> ZERO_EMPLOYMENT_HOUSEHOLD_DETECTED =
            new EventType<>("zero-employment-household-detected", 1, ZeroEmploymentHouseholdDetected.class, Topics.LABOUR);
    public static final EventType<LoanIssued> LOAN_ISSUED =
            new EventType<>("loan-issued", 1, LoanIssued.class, Topics.HOUSEHOLD_SUPPORT);
    public static final EventType<LoanOverdue> LOAN_OVERDUE =
            new EventType<>("loan-overdue", 1, LoanOverdue.class, Topics.HOUSEHOLD_SUPPORT);
    public static final EventType<DividendPaid> DIVIDEND_PAID =
            new EventType<>("dividend-paid", 1, DividendPaid.class, Topics.HOUSEHOLD_SUPPORT);
    public static final EventType<ProjectApproved> PROJECT_APPROVED =
            new EventType<>("project-approved", 1, ProjectApproved.class, Topics.PROJECT);
    public static final EventType<FundsAllocatedToProject> FUNDS_ALLOCATED_TO_PROJECT =
            new EventType<>("funds-allocated-to-project", 1, FundsAllocatedToProject.class, Topics.PROJECT);
    public static final EventType<IndustryShareShortfall> INDUSTRY_SHARE_SHORTFALL =
            new EventType<>("industry-share-shortfall", 1, IndustryShareShortfall.class, Topics.COUNTY);
    public static final EventType<AgreementSigned> AGREEMENT_SIGNED =
            new EventType<>("agreement-signed", 1, AgreementSigned.class, Topics.PAIRING);
    public static final EventType<FundsAllocated> FUNDS_ALLOCATED =
            new EventType<>("funds-allocated", 1, FundsAllocated.class, Topics.PAIRING);
    public static final EventType<LabourOfferPosted> LABOUR_OFFER_POSTED =
            new EventType<>("labour-offer-posted", 1, LabourOfferPosted.class, Topics.PAIRING);

    public static final EventType<CadreDispatched> CADRE_DISPATCHED =
            new EventType<>("cadre-dispatched", 1, CadreDispatched.class, Topics.PAIRING);
    public static final EventType<ConsumptionPurchaseRecorded> CONSUMPTION_PURCHASE_RECORDED =
            new EventType<>("consumption-purchase-recorded", 1, ConsumptionPurchaseRecorded.class, Topics.PAIRING);
    public static final EventType<PairingDeclineDetected> PAIRING_DECLINE_DETECTED =
            new EventType<>("pairing-decline-detected", 1, PairingDeclineDetected.class, Topics.PAIRING);

    public static final List<EventType<?>> ALL = List.of(
            DEPARTMENT_SIGNAL_RECEIVED, HOUSEHOLD_REGISTERED, HOUSEHOLD_FLAGGED, HOUSEHOLD_RISK_ELIMINATED,
            CASE_OPENED, CASE_OVERDUE, CASE_CLOSED, HOUSEHOLD_REASSESSED,
            JOB_PLACED, JOB_LOST, TRAINING_COMPLETED, ZERO_EMPLOYMENT_HOUSEHOLD_DETECTED,
            LOAN_ISSUED, LOAN_OVERDUE, DIVIDEND_PAID,
            PROJECT_APPROVED, FUNDS_ALLOCATED_TO_PROJECT, INDUSTRY_SHARE_SHORTFALL,
            AGREEMENT_SIGNED, FUNDS_ALLOCATED, LABOUR_OFFER_POSTED, CADRE_DISPATCHED, CONSUMPTION_PURCHASE_RECORDED,
            PAIRING_DECLINE_DETECTED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::payload, Function.identity()));

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType<?> typeOf(DomainEvent event) {
        EventType<?> type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not in the event catalogue");
        }
        return type;
    }

    public static List<EventType<?>> onTopic(Topic topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }

    private EventCatalogue() {
    }
}
