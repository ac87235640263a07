package cn.fpr.employment.opening;

import cn.fpr.contracts.OpeningKind;
import cn.fpr.employment.opening.model.EmploymentPolicy;
import cn.fpr.employment.opening.model.Matching;
import cn.fpr.employment.opening.model.WorkshopType;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Openings for county employment offices: publish, list, match, place, record job losses. */
@RestController
@RequestMapping("/api/v1")
class OpeningController {

    record OpeningBody(@NotNull OpeningKind kind, @NotBlank @Size(max = 200) String employer,
                       @NotNull @Pattern(regexp = "\\d{6}") String workCountyCode, @Positive int capacity,
                       List<@NotBlank String> skillsRequired, @NotNull @PositiveOrZero BigDecimal monthlyWageYuan,
                       WorkshopType workshopType, Boolean accidentInsurance, @PositiveOrZero BigDecimal centralFundsYuan,
                       @PositiveOrZero BigDecimal labourPayYuan, LocalDate validUntil) {
    }

    record PlacementBody(@NotBlank String seekerId, @NotNull LocalDate startDate) {
    }

    record LossBody(@NotNull LocalDate lostOn, @NotBlank @Size(max = 500) String reason) {
    }

    record OpeningView(String openingId, OpeningKind kind, String employer, String workCountyCode, int capacity,
                       int placesTaken, List<String> skillsRequired, BigDecimal monthlyWageYuan, WorkshopType workshopType,
                       Boolean accidentInsurance, String pairingId, LocalDate validUntil, Boolean compliant,
                       List<Placement> placements) {

        static OpeningView of(Opening opening, EmploymentPolicy policy, boolean withPlacements) {
            return new OpeningView(opening.id(), opening.kind(), opening.employer(), opening.workCountyCode(), opening.capacity(),
                    opening.placesTaken(), opening.skillsRequired(), opening.monthlyWageYuan(), opening.workshopType(),
                    opening.accidentInsurance(), opening.pairingId(), opening.validUntil(), opening.compliant(policy),
                    withPlacements ? opening.placements() : List.of());
        }
    }

    private final Openings openings;
    private final EmploymentPolicyProperties policies;

    OpeningController(Openings openings, EmploymentPolicyProperties policies) {
        this.openings = openings;
        this.policies = policies;
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/openings")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OpeningView> create(@Valid @RequestBody OpeningBody body) {
        Opening opening = new Opening("op-" + UUID.randomUUID(), body.kind(), body.employer(), body.workCountyCode(), body.capacity(),
                body.skillsRequired() == null ? List.of() : body.skillsRequired(), body.monthlyWageYuan(), body.workshopType(),
                body.accidentInsurance(), body.centralFundsYuan(), body.labourPayYuan(), null, body.validUntil());
        return openings.create(opening).map(created -> view(created, Caller.SERVICE));
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/openings")
    Flux<OpeningView> list(@RequestParam(required = false) @Pattern(regexp = "\\d{6}") String countyCode,
                           @RequestParam(required = false) OpeningKind kind,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Caller.currentOrService().flatMapMany(caller -> openings.list(countyCode, kind, page, size)
                .map(opening -> view(opening, caller)));
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/openings/{openingId}")
    Mono<OpeningView> find(@PathVariable String openingId) {
        return Mono.zip(openings.find(openingId), Caller.currentOrService()).map(found -> view(found.getT1(), found.getT2()));
    }

    /** Seekers who may take the opening, ranked. */
    @Allowed(Role.COUNTY_OFFICIAL)
    @GetMapping("/openings/{openingId}/matches")
    Mono<List<Matching.Match>> matches(@PathVariable String openingId,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return openings.matches(openingId, limit);
    }

    /** Places a seeker: 201, or 409 when no place is left, or 422 when the seeker may not take the opening. */
    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/openings/{openingId}/placements")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Placement> place(@PathVariable String openingId, @Valid @RequestBody PlacementBody body) {
        return openings.place(openingId, body.seekerId(), body.startDate());
    }

    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PostMapping("/placements/{placementId}/loss")
    Mono<Placement> lost(@PathVariable String placementId, @Valid @RequestBody LossBody body) {
        return openings.end(placementId, body.lostOn(), body.reason());
    }

    /**
     * Openings are seen across regions (east–west offers are for other provinces' workers); who was
     * placed in one is shown only to callers whose region holds its place of work.
     */
    private OpeningView view(Opening opening, Caller caller) {
        return OpeningView.of(opening, policies.forCounty(opening.workCountyCode()), caller.covers(opening.workCountyCode()));
    }
}
