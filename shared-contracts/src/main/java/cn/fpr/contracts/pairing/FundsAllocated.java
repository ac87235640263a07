package cn.fpr.contracts.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An eastern partner transferred aid funds to a western county.
 *
 * @param allocationId         the transfer
 * @param pairingId            the pairing
 * @param receivingCountyCode  6-digit county code
 * @param amountYuan           amount
 * @param purpose              what it is for
 * @param year                 the agreement year it counts toward
 * @param allocatedOn          transfer date
 */
public record FundsAllocated(
        String allocationId, String pairingId, String receivingCountyCode, BigDecimal amountYuan,
        String purpose, int year, LocalDate allocatedOn) implements PairingEvent {
}
