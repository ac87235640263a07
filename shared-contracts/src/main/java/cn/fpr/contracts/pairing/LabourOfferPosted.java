package cn.fpr.contracts.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An eastern employer offers jobs to people of the paired western region.
 *
 * @param offerId          the offer
 * @param pairingId        the pairing
 * @param employer         employer name
 * @param workRegionCode   county code of the place of work
 * @param positions        number of places
 * @param monthlyWageYuan  wage offered
 * @param skillsRequired   skills asked for (may be empty)
 * @param validUntil       last day the offer stands
 */
public record LabourOfferPosted(
        String offerId, String pairingId, String employer, String workRegionCode, int positions,
        BigDecimal monthlyWageYuan, List<String> skillsRequired, LocalDate validUntil) implements PairingEvent {
}
