package cn.fpr.cooperation.transfer.model;

import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobPlaced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LabourTransferCreditTest {

    @Test
    void a_cross_region_placement_under_a_pairing_counts_toward_it() {
        assertThat(LabourTransferCredit.pairingCredited(placed(true, "pair-44-52"))).contains("pair-44-52");
    }

    @Test
    void a_local_placement_or_one_without_a_pairing_counts_toward_none() {
        assertThat(LabourTransferCredit.pairingCredited(placed(false, "pair-44-52"))).isEmpty();
        assertThat(LabourTransferCredit.pairingCredited(placed(true, null))).isEmpty();
    }

    private static JobPlaced placed(boolean crossRegion, String pairing) {
        return new JobPlaced("pl-1", "hh-1", "m-1", OpeningKind.EAST_WEST_LABOUR_OFFER, "440306", new BigDecimal("5200"),
                LocalDate.of(2026, 4, 1), crossRegion, pairing);
    }
}
