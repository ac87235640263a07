package cn.fpr.consultation.projection;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseOutcome;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.contracts.RiskType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The consultation service's read models, one collection each, every row keyed by what it is
 * about and set from the events about it, so that applying an event again, or replaying a topic
 * from its beginning, arrives at the same rows. Region codes are copied onto every row (rows of
 * events that do not carry a region take their household's, when it is known, and are filled in
 * when it becomes known).
 */
public final class Rows {

    private Rows() {
    }

    /** A household: where it is, its labour, and its monitoring status. */
    @Document("households")
    public record HouseholdRow(@Id String householdId, @Indexed String provinceCode, @Indexed String countyCode,
                               @Indexed String townshipCode, Integer labourMembers, LocalDate registeredOn, String status,
                               HouseholdCategory category, List<RiskType> riskTypes, BigDecimal perCapitaNetIncomeYuan,
                               LocalDate flaggedOn, LocalDate eliminatedOn, String zeroEmploymentSiteId, LocalDate zeroEmploymentSince,
                               Integer zeroEmploymentLabour) {

        public static final String MONITORED = "MONITORED";
        public static final String RISK_ELIMINATED = "RISK_ELIMINATED";
    }

    /** An identification or exit case. */
    @Document("cases")
    public record CaseRow(@Id String caseId, String householdId, @Indexed String provinceCode, @Indexed String countyCode,
                          @Indexed String townshipCode, CaseKind kind, List<RiskType> riskTypes, LocalDate openedOn, LocalDate dueOn,
                          CaseStep pendingStep, LocalDate closedOn, CaseOutcome outcome) {
    }

    /** A placement in work, by channel, until it is lost. */
    @Document("placements")
    public record PlacementRow(@Id String placementId, @Indexed String householdId, @Indexed String provinceCode, String countyCode,
                               String townshipCode, String memberId, OpeningKind channel, String workRegionCode, boolean crossRegion,
                               @Indexed String pairingId, LocalDate startDate, LocalDate lostOn) {
    }

    /** A microloan. */
    @Document("loans")
    public record LoanRow(@Id String loanId, @Indexed String householdId, @Indexed String provinceCode, String countyCode,
                          String townshipCode, BigDecimal amountYuan, LocalDate issuedOn, BigDecimal overdueAmountYuan,
                          LocalDate overdueSince) {
    }

    /** Money allocated to a project, once per allocation event. */
    @Document("fund_allocations")
    public record FundAllocationRow(@Id String eventId, String projectId, @Indexed String provinceCode, @Indexed String countyCode,
                                    ProjectCategory category, FundSource source, BigDecimal amountYuan, int year, LocalDate allocatedOn) {
    }

    /** A county's industry share announced as short of the minimum, per year (the latest announcement). */
    @Document("industry_shortfalls")
    public record ShortfallRow(@Id String id, @Indexed String provinceCode, String countyCode, int year, BigDecimal sharePercent,
                               BigDecimal minimumPercent, boolean keyCounty, LocalDate announcedOn) {
    }

    /** A pairing's annual agreement targets. */
    @Document("agreements")
    public record AgreementRow(@Id String id, String pairingId, String eastProvinceCode, @Indexed String westProvinceCode, int year,
                               BigDecimal fiscalAidTargetYuan, int cadresTarget, int labourTransferTarget,
                               BigDecimal consumptionTargetYuan) {
    }

    /** Something achieved under a pairing (funds, cadres, purchases), once per fact. */
    @Document("pairing_facts")
    public record PairingFactRow(@Id String id, @Indexed String pairingId, int year, String indicator, BigDecimal amount, LocalDate on) {

        public static final String FISCAL_AID = "FISCAL_AID_YUAN";
        public static final String CADRES = "CADRES_EXCHANGED";
        public static final String CONSUMPTION = "CONSUMPTION_PURCHASES_YUAN";
    }

    /** All read-model collections, for a rebuild. */
    public static final List<Class<?>> ALL = List.of(HouseholdRow.class, CaseRow.class, PlacementRow.class, LoanRow.class,
            FundAllocationRow.class, ShortfallRow.class, AgreementRow.class, PairingFactRow.class);
}
