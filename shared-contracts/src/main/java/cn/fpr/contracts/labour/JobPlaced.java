package cn.fpr.contracts.labour;

import cn.fpr.contracts.OpeningKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A person of a registered household was placed in work.
 *
 * @param placementId       employment's placement ID
 * @param householdId       registry household ID
 * @param memberId          registry member ID
 * @param openingKind       what kind of opening
 * @param workRegionCode    county code of the place of work
 * @param monthlyWageYuan   agreed monthly wage
 * @param startDate         first day of work
 * @param crossRegion       whether the work is outside the home province
 * @param pairingId         the east–west pairing it counts toward, or null
 */
public record JobPlaced(
        String placementId,
        String householdId,
        String memberId,
        OpeningKind openingKind,
        String workRegionCode,
        BigDecimal monthlyWageYuan,
        LocalDate startDate,
        boolean crossRegion,
        String pairingId) implements LabourEvent {
}
