package cn.fpr.contracts.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An east–west pairing signed its annual agreement.
 *
 * @param agreementId            the agreement
 * @param pairingId              the pairing
 * @param eastProvinceCode       e.g. 440000
 * @param westProvinceCode       e.g. 520000
 * @param year                   the agreement year
 * @param fiscalAidTargetYuan    fiscal aid funds promised
 * @param cadresTarget           cadres and professionals to exchange
 * @param labourTransferTarget   people to move into work
 * @param consumptionTargetYuan  consumption-assistance purchases
 * @param signedOn               signing date
 */
public record AgreementSigned(
        String agreementId, String pairingId, String eastProvinceCode, String westProvinceCode, int year,
        BigDecimal fiscalAidTargetYuan, int cadresTarget, int labourTransferTarget,
        BigDecimal consumptionTargetYuan, LocalDate signedOn) implements PairingEvent {
}
