package cn.fpr.employment.indicator;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.web.RegionQuery;
import cn.fpr.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.YearMonth;

/** Employment indicators for consultation meetings. */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorController {

    private final EmploymentIndicators indicators;

    IndicatorController(EmploymentIndicators indicators) {
        this.indicators = indicators;
    }

    /** People lifted from poverty in work in a province or county in a month, by channel, against the target (for county and province). */
    @Allowed({Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping("/employment")
    Mono<EmploymentIndicators.Indicator> employment(@RequestParam String region, @RequestParam YearMonth month) {
        return Mono.defer(() -> RegionQuery.within(region)).flatMap(within -> indicators.of(region, month));
    }
}
