package cn.fpr.employment.relocation;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Set;

/** Relocation sites, their households, and the zero-employment households among them. */
@RestController
@RequestMapping("/api/v1/relocation-sites")
class RelocationController {

    record SiteBody(@NotBlank @Size(max = 64) String siteId, @NotBlank @Size(max = 200) String name,
                    @NotNull @Pattern(regexp = "\\d{6}") String countyCode) {
    }

    record HouseholdBody(@NotBlank String householdId, @NotNull Set<@NotBlank String> labourMembers) {
    }

    record HouseholdView(String householdId, Set<String> labourMembers, Set<String> employedMembers, boolean zeroEmployment,
                         LocalDate zeroEmploymentSince) {

        static HouseholdView of(RelocatedHousehold household) {
            return new HouseholdView(household.householdId(), household.labourMembers(), household.employedMembers(),
                    household.state().zeroEmployment(), household.zeroEmploymentSince());
        }
    }

    private final Relocation relocation;

    RelocationController(Relocation relocation) {
        this.relocation = relocation;
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RelocationSite> create(@Valid @RequestBody SiteBody body) {
        return relocation.createSite(new RelocationSite(body.siteId(), body.name(), body.countyCode()));
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/{siteId}/households")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HouseholdView> relocate(@PathVariable String siteId, @Valid @RequestBody HouseholdBody body) {
        return relocation.relocate(siteId, body.householdId(), body.labourMembers()).map(HouseholdView::of);
    }

    /**
     * The site's households; {@code zeroEmployment=true} lists those with labour and nobody in work.
     * Sites are run by their county: for its office and the province's.
     */
    @Allowed({Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/{siteId}/households")
    Flux<HouseholdView> households(@PathVariable String siteId, @RequestParam(defaultValue = "false") boolean zeroEmployment) {
        return relocation.households(siteId, zeroEmployment).map(HouseholdView::of);
    }
}
