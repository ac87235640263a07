package cn.fpr.monitoring.threshold.web;

import cn.fpr.monitoring.threshold.ThresholdAdministration;
import cn.fpr.platform.audit.AuditTrail;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;

/** Monitoring lines per province and year, for province administrators. */
@RestController
@RequestMapping("/api/v1/thresholds")
class ThresholdController {

    record LineBody(@NotNull @Positive BigDecimal lineYuan) {
    }

    record LineView(String provinceCode, int year, BigDecimal lineYuan) {
    }

    private final ThresholdAdministration administration;
    private final AuditTrail audit;

    ThresholdController(ThresholdAdministration administration, AuditTrail audit) {
        this.administration = administration;
        this.audit = audit;
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/{provinceCode}/{year}")
    Mono<LineView> line(@PathVariable @Pattern(regexp = "\\d{2}0000") String provinceCode,
                        @PathVariable @Min(2021) @Max(2100) int year) {
        return administration.lineFor(provinceCode, year).map(line -> new LineView(provinceCode, year, line));
    }

    /**
     * Sets the line; for the current year every household of the province is re-evaluated. The
     * change goes on the audit trail once the line is stored, before the re-evaluation (each call
     * its own entry).
     */
    @Allowed(Role.PROVINCE_ADMIN)
    @PutMapping("/{provinceCode}/{year}")
    Mono<ThresholdAdministration.Outcome> set(@PathVariable @Pattern(regexp = "\\d{2}0000") String provinceCode,
                                              @PathVariable @Min(2021) @Max(2100) int year,
                                              @Valid @RequestBody LineBody body) {
        return Caller.currentOrService().filter(caller -> caller.covers(provinceCode))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no province " + provinceCode + " of yours")))
                .then(audit.entry("threshold-set", provinceCode + "/" + year, provinceCode, "monitoring line " + body.lineYuan() + " yuan"))
                .flatMap(entry -> administration.set(provinceCode, year, body.lineYuan(), audit.record(entry)));
    }
}
