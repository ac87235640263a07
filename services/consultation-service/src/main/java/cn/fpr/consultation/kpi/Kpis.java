package cn.fpr.consultation.kpi;

import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.RiskType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The figures of a consultation meeting (會商) for a region and period. */
public record Kpis(String region, String level, String period, LocalDate asOf, Households households, Employment employment,
                   Microcredit microcredit, List<CountyIndustryShare> industryShare, List<PairingProgress> eastWest) {

    /**
     * @param monitored            monitored households as of the day
     * @param newlyFlagged         flagged within the period
     * @param underIdentification  identification cases open as of the day
     * @param overdue              of those, past their 15-day limit
     * @param riskEliminated       whose risk was eliminated within the period
     * @param riskEliminatedToDate whose risk was eliminated, up to the day
     * @param shareEliminatedPercent eliminated to date out of all ever flagged to date
     */
    public record Households(long monitored, Map<HouseholdCategory, Long> monitoredByCategory, Map<RiskType, Long> monitoredByRiskType,
                             long newlyFlagged, long underIdentification, long overdue, long riskEliminated,
                             long riskEliminatedToDate, BigDecimal shareEliminatedPercent) {
    }

    /**
     * @param labourForce          people with labour in the region's registered households (the target: every one in work)
     * @param inWork               people in work as of the day
     * @param inWorkByChannel      by the kind of opening
     * @param inWorkPercent        in work out of the labour force
     * @param zeroEmploymentHouseholds relocated households with labour and no one in work
     */
    public record Employment(long labourForce, long inWork, Map<OpeningKind, Long> inWorkByChannel, BigDecimal inWorkPercent,
                             long zeroEmploymentHouseholds) {
    }

    public record Microcredit(long issued, BigDecimal issuedYuan, long overdue, BigDecimal overdueYuan) {
    }

    /**
     * A county's central connection funds this year and the share that went to industry projects,
     * with the minimum when the industry service announced a shortfall.
     */
    public record CountyIndustryShare(String countyCode, int year, BigDecimal centralFundsYuan, BigDecimal industryYuan,
                                      BigDecimal sharePercent, BigDecimal shortfallMinimumPercent) {
    }

    /** An east–west pairing's targets and what was achieved, for the year. */
    public record PairingProgress(String pairingId, String eastProvinceCode, String westProvinceCode, int year,
                                  Map<String, BigDecimal> targets, Map<String, BigDecimal> achieved) {
    }

    /** A point of a trend line: a month's figures. */
    public record MonthPoint(String month, long monitored, long newlyFlagged, long riskEliminated, long inWork) {
    }

    /** A county's bar. */
    public record CountyBar(String countyCode, long monitored, long overdue, long zeroEmploymentHouseholds) {
    }

    /** A row of the overdue-cases table. */
    public record OverdueCase(String caseId, String householdId, String countyCode, String townshipCode, LocalDate openedOn,
                              LocalDate dueOn, CaseStep pendingStep, long daysOverdue) {
    }

    /** A row of the zero-employment table. */
    public record ZeroEmploymentHousehold(String householdId, String countyCode, String townshipCode, String siteId, LocalDate since,
                                          Integer labourMembers) {
    }
}
