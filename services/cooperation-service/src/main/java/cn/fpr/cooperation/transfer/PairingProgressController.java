package cn.fpr.cooperation.transfer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/pairings")
class PairingProgressController {

    private final LabourTransfers transfers;

    PairingProgressController(LabourTransfers transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/{pairingId}/labour-transfers")
    Mono<LabourTransfers.Progress> labourTransfers(@PathVariable String pairingId) {
        return transfers.progress(pairingId);
    }
}
