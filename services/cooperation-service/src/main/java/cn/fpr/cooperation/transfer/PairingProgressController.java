package cn.fpr.cooperation.transfer;

import cn.fpr.cooperation.pairing.Pairings;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/pairings")
class PairingProgressController {

    private final LabourTransfers transfers;
    private final Pairings pairings;

    PairingProgressController(LabourTransfers transfers, Pairings pairings) {
        this.transfers = transfers;
        this.pairings = pairings;
    }

    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL, Role.DASHBOARD_VIEWER})
    @GetMapping("/{pairingId}/labour-transfers")
    Mono<LabourTransfers.Progress> labourTransfers(@PathVariable String pairingId) {
        return pairings.visible(pairingId).then(transfers.progress(pairingId));
    }
}
