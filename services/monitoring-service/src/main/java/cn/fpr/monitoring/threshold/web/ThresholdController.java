package cn.fpr.monitoring.threshold.web;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import cn.fpr.monitoring.threshold.ThresholdAdministration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
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

    ThresholdController(ThresholdAdministration administration) {
        this.administration = administration;
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/{provinceCode}/{year}")
    Mono<LineView> line(@PathVariable @Pattern(regexp = "\\d{2}0000") String provinceCode,
                        @PathVariable @Min(2021) @Max(2100) int year) {
        return administration.lineFor(provinceCode, year).map(line -> new LineView(provinceCode, year, line));
    }

    /** Sets the line; for the current year every household of the province is re-evaluated. */
    @Allowed(Role.PROVINCE_ADMIN)
    @PutMapping("/{provinceCode}/{year}")
    Mono<ThresholdAdministration.Outcome> set(@PathVariable @Pattern(regexp = "\\d{2}0000") String provinceCode,
                                              @PathVariable @Min(2021) @Max(2100) int year,
                                              @Valid @RequestBody LineBody body) {
        return administration.set(provinceCode, year, body.lineYuan());
    }
}
