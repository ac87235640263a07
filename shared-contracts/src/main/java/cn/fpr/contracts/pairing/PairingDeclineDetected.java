package cn.fpr.contracts.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Funds or cadre dispatch of a pairing fell below the year before, which the rules forbid [N].
 *
 * @param pairingId    the pairing
 * @param year         the year checked
 * @param indicator    FISCAL_AID_YUAN or CADRES_EXCHANGED
 * @param previous     the year before
 * @param current      this year
 * @param detectedOn   date of the check
 */
public record PairingDeclineDetected(String pairingId, int year, String indicator, BigDecimal previous, BigDecimal current,
                                     LocalDate detectedOn) implements PairingEvent {
}
