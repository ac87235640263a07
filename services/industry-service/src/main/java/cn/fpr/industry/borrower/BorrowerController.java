package cn.fpr.industry.borrower;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/borrowers")
class BorrowerController {

    private final BorrowerCandidates candidates;

    BorrowerController(BorrowerCandidates candidates) {
        this.candidates = candidates;
    }

    @GetMapping("/{householdId}")
    Mono<BorrowerCandidate> find(@PathVariable String householdId) {
        return candidates.find(householdId);
    }
}
