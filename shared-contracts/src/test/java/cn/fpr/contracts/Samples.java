package cn.fpr.contracts;

import cn.fpr.contracts.county.IndustryShareShortfall;
import cn.fpr.contracts.household.CaseClosed;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdReassessed;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.TrainingCompleted;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.pairing.AgreementSigned;
import cn.fpr.contracts.pairing.CadreDispatched;
import cn.fpr.contracts.pairing.ConsumptionPurchaseRecorded;
import cn.fpr.contracts.pairing.PairingDeclineDetected;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.contracts.project.FundsAllocatedToProject;
import cn.fpr.contracts.project.ProjectApproved;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.contracts.support.DividendPaid;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One realistic instance of every v1 event, as a producer would build it. */
final class Samples {

    static final Region WEINING = new Region("520000", "520526", "520526100", "520526100201");
    static final LocalDate DAY = LocalDate.of(2026, 3, 16);

    static final Map<Class<?>, DomainEvent> BY_TYPE = Map.ofEntries(
            sample(new DepartmentSignalReceived("MI-2026-000187", "hh-520526-0001", Department.MEDICAL_INSURANCE,
                    RiskType.ILLNESS, DAY, new BigDecimal("21000"), new BigDecimal("38000.50"), "inpatient costs")),
            sample(new HouseholdFlagged("hh-520526-0001", WEINING, HouseholdCategory.SUDDEN_HARDSHIP,
                    List.of(RiskType.ILLNESS), new BigDecimal("-4250.13"), new BigDecimal("6900"),
                    true, List.of(new LabourMember("m-2", 1988, LabourCapacity.FULL, List.of("welding"))),
                    List.of(AssistanceNeed.MEDICAL_ASSISTANCE, AssistanceNeed.SUITABLE_WORK), "case-1", DAY)),
            sample(new HouseholdRegistered("hh-520526-0001", WEINING, true,
                    List.of(new LabourMember("m-2", 1988, LabourCapacity.FULL, List.of("welding"))), DAY)),
            sample(new HouseholdRiskEliminated("hh-520526-0001", WEINING, new BigDecimal("9800"), 7, "case-2", DAY)),
            sample(new CaseOpened("case-1", "hh-520526-0001", WEINING, CaseKind.IDENTIFICATION, List.of(RiskType.ILLNESS),
                    DAY, DAY.plusDays(15))),
            sample(new CaseOverdue("case-1", "hh-520526-0001", WEINING, CaseKind.IDENTIFICATION, CaseStep.VILLAGE_REVIEW,
                    DAY, DAY.plusDays(15), 2)),
            sample(new CaseClosed("case-1", "hh-520526-0001", WEINING, CaseKind.IDENTIFICATION, CaseOutcome.APPROVED,
                    CaseStep.COUNTY_APPROVAL, "income below the line after medical costs", DAY)),
            sample(new HouseholdReassessed("hh-520526-0001", WEINING, 2026, new BigDecimal("7300"), new BigDecimal("7100"),
                    true, DAY)),
            sample(new JobPlaced("pl-1", "hh-520526-0001", "m-2", OpeningKind.EAST_WEST_LABOUR_OFFER, "440306",
                    new BigDecimal("5200"), DAY, true, "pair-44-52")),
            sample(new JobLost("pl-1", "hh-520526-0001", "m-2", DAY, "factory closed")),
            sample(new TrainingCompleted("tr-9", "hh-520526-0001", "m-2", "electric welding", true, DAY)),
            sample(new ZeroEmploymentHouseholdDetected("hh-520526-0001", "site-520526-01", "520526", 2, DAY)),
            sample(new LoanIssued("loan-3", "hh-520526-0001", new BigDecimal("50000"), 36,
                    new BigDecimal("3.45"), "cattle breeding", DAY)),
            sample(new LoanOverdue("loan-3", "hh-520526-0001", new BigDecimal("1450.00"), DAY, 31)),
            sample(new DividendPaid("div-4", "hh-520526-0001", "proj-77", new BigDecimal("600"), "2026-H1", DAY)),
            sample(new ProjectApproved("proj-77", "520526", "520526100201", ProjectCategory.INDUSTRY, new BigDecimal("1200000"),
                    2026, DAY)),
            sample(new FundsAllocatedToProject("proj-77", "520526", ProjectCategory.INDUSTRY, FundSource.CENTRAL_CONNECTION_FUNDS,
                    new BigDecimal("800000"), 2026, DAY)),
            sample(new IndustryShareShortfall("520526", 2026, new BigDecimal("10000000"), new BigDecimal("5500000"),
                    new BigDecimal("55.00"), new BigDecimal("60"), true, DAY)),
            sample(new AgreementSigned("agr-2026-44-52", "pair-44-52", "440000", "520000", 2026,
                    new BigDecimal("2100000000"), 1200, 60000, new BigDecimal("9000000000"), DAY)),
            sample(new FundsAllocated("fa-1", "pair-44-52", "520526", new BigDecimal("12000000"),
                    "potato cold-chain storage", 2026, DAY)),
            sample(new CadreDispatched("cd-1", "pair-44-52", true, false, 12, 2026, DAY)),
            sample(new ConsumptionPurchaseRecorded("cp-1", "pair-44-52", "Guangzhou city canteens", "Weining potatoes",
                    new BigDecimal("1250000"), 2026, DAY)),
            sample(new PairingDeclineDetected("pair-44-52", 2026, "FISCAL_AID_YUAN", new BigDecimal("2100000000"),
                    new BigDecimal("1900000000"), DAY)),
            sample(new LabourOfferPosted("offer-5", "pair-44-52", "Shenzhen electronics plant", "440306", 40,
                    new BigDecimal("5200"), List.of(), DAY.plusMonths(2))));

    private static Map.Entry<Class<?>, DomainEvent> sample(DomainEvent event) {
        return Map.entry(event.getClass(), event);
    }

    private Samples() {
    }
}
