package cn.fpr.contracts.pairing;

import cn.fpr.contracts.DomainEvent;

/** Events on {@link cn.fpr.contracts.Topics#PAIRING}, keyed by pairing ID. */
public sealed interface PairingEvent extends DomainEvent permits AgreementSigned, FundsAllocated, LabourOfferPosted,
        CadreDispatched, ConsumptionPurchaseRecorded, PairingDeclineDetected {

    String pairingId();

    @Override
    default String subject() {
        return pairingId();
    }
}
