package cn.fpr.contracts.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Consumption assistance (消費幫扶): the eastern partner bought products of the western region.
 *
 * @param purchaseId  the purchase
 * @param pairingId   the pairing
 * @param buyer       who bought (a canteen, a union, an enterprise)
 * @param product     what was bought
 * @param amountYuan  value
 * @param year        the agreement year it counts toward
 * @param recordedOn  date
 */
public record ConsumptionPurchaseRecorded(String purchaseId, String pairingId, String buyer, String product, BigDecimal amountYuan,
                                          int year, LocalDate recordedOn) implements PairingEvent {
}
