package cn.fpr.employment.seeker;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.household.Region;
import cn.fpr.employment.opening.model.Mobility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** The labour registry for county employment offices. */
@RestController
@RequestMapping("/api/v1/job-seekers")
class JobSeekerController {

    record RegionBody(@NotNull @Pattern(regexp = "\\d{2}0000") String provinceCode, @NotNull @Pattern(regexp = "\\d{6}") String countyCode,
                      @NotNull @Pattern(regexp = "\\d{9}") String townshipCode, @NotNull @Pattern(regexp = "\\d{12}") String villageCode) {
    }

    record RegistrationBody(@NotBlank String idNumber, String householdId, String memberId, @NotNull @Valid RegionBody region,
                            @NotNull LabourCapacity labourCapacity, List<@NotBlank String> skills, @NotNull Mobility willingness,
                            boolean liftedFromPoverty) {
    }

    record UpdateBody(Mobility willingness, List<@NotBlank String> skills) {
    }

    private final LabourRegistry registry;

    JobSeekerController(LabourRegistry registry) {
        this.registry = registry;
    }

    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<JobSeeker> register(@Valid @RequestBody RegistrationBody body) {
        RegionBody r = body.region();
        return registry.registerDirectly(new LabourRegistry.DirectRegistration(body.idNumber(), body.householdId(), body.memberId(),
                new Region(r.provinceCode(), r.countyCode(), r.townshipCode(), r.villageCode()), body.labourCapacity(), body.skills(),
                body.willingness(), body.liftedFromPoverty()));
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping
    Flux<JobSeeker> find(@RequestParam(required = false) String householdId,
                         @RequestParam(required = false) @Pattern(regexp = "\\d{6}") String countyCode,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return registry.find(householdId, countyCode, page, size);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/{seekerId}")
    Mono<JobSeeker> find(@PathVariable String seekerId) {
        return registry.find(seekerId);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PatchMapping("/{seekerId}")
    Mono<JobSeeker> update(@PathVariable String seekerId, @Valid @RequestBody UpdateBody body) {
        return registry.update(seekerId, body.willingness(), body.skills());
    }
}
