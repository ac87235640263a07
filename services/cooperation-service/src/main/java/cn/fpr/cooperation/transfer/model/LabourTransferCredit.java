package cn.fpr.cooperation.transfer.model;

import cn.fpr.contracts.labour.JobPlaced;

import java.util.Optional;

/**
 * A placement counts toward a pairing's labour-transfer target when the person went to work outside
 * the home province under that pairing (east–west labour cooperation).
 */
public final class LabourTransferCredit {

    public static Optional<String> pairingCredited(JobPlaced placed) {
        if (!placed.crossRegion() || placed.pairingId() == null || placed.pairingId().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(placed.pairingId());
    }

    private LabourTransferCredit() {
    }
}
