package cn.fpr.consultation.household;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** KPIs and household status for consultation meetings. */
@RestController
@RequestMapping("/api/v1")
class KpiController {

    private final HouseholdProjection projection;

    KpiController(HouseholdProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/kpis/households")
    Mono<HouseholdProjection.HouseholdKpis> households(@RequestParam String region) {
        return Mono.defer(() -> projection.kpis(region));
    }

    @GetMapping("/households/{householdId}")
    Mono<HouseholdStatusView> household(@PathVariable String householdId) {
        return projection.find(householdId);
    }
}
