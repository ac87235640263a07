package cn.fpr.industry.household;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.platform.messaging.InboundEvents;
import jakarta.validation.constraints.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/** Monitored households as industry sees them, and the assistance offers open for a county. */
@RestController
@RequestMapping("/api/v1")
class SupportedHouseholdController {

    private final SupportedHouseholds households;

    SupportedHouseholdController(SupportedHouseholds households) {
        this.households = households;
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/households/{householdId}")
    Mono<SupportedHousehold> find(@PathVariable String householdId) {
        return households.find(householdId);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/offers")
    Flux<SupportedHousehold> openOffers(@RequestParam(required = false) @Pattern(regexp = "\\d{6}") String countyCode) {
        return households.openOffers(countyCode);
    }

    /** Monitoring's household facts: who may be offered microcredit and linkage. */
    @org.springframework.context.annotation.Configuration
    static class Binding {

        @Bean
        Consumer<Message<byte[]>> householdEvents(InboundEvents inbound, SupportedHouseholds households) {
            return message -> inbound.handle(message, HouseholdEvent.class, (envelope, event) -> households.apply(event));
        }
    }
}
