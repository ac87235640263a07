package cn.fpr.industry.household;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * Industry's own view of a registered household (lifted from poverty, or monitored), from
 * monitoring's events, with the assistance
 * offer made to it when its risks call for industry help.
 *
 * @param householdId   registry household
 * @param region        where it lives
 * @param liftedFromPoverty registered as lifted from poverty (脫貧戶)
 * @param category      monitored category, while monitored
 * @param riskTypes     its risks
 * @param labourMembers members able to work (borrowers, linkage)
 * @param monitored     still monitored
 * @param flaggedOn     when it was flagged
 * @param offer         the assistance offer, if its needs call for one
 */
@Document("supported_households")
public record SupportedHousehold(@Id String householdId, Region region, boolean liftedFromPoverty, HouseholdCategory category, List<RiskType> riskTypes,
                                 List<LabourMember> labourMembers, boolean monitored, LocalDate flaggedOn, Offer offer) {

    /**
     * An assistance offer for the county to act on.
     *
     * @param status               OPEN until acted on or the household's risk is eliminated
     * @param microcreditEligible  the household may borrow (category and province rules)
     * @param linkageCandidate     to be linked with an operating project (聯農帶農)
     * @param needs                what monitoring found it needs
     * @param openedOn             when the offer was made
     * @param closedOn             when it was closed
     */
    public record Offer(String status, boolean microcreditEligible, boolean linkageCandidate, List<AssistanceNeed> needs,
                        LocalDate openedOn, LocalDate closedOn) {
    }

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
}
