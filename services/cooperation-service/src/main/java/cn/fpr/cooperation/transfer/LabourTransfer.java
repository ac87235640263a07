package cn.fpr.cooperation.transfer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** One person transferred into work under a pairing, keyed by the placement. */
@Document("labour_transfers")
public record LabourTransfer(@Id String placementId, @Indexed String pairingId, String householdId, String workRegionCode,
                             LocalDate startDate, boolean ended) {
}
