package cn.fpr.monitoring.household.web;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.Region;
import cn.fpr.monitoring.household.Household;
import cn.fpr.monitoring.household.HouseholdRegistry;
import cn.fpr.monitoring.household.Member;
import cn.fpr.monitoring.household.model.MonitoringStatus;
import cn.fpr.monitoring.household.model.Relation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The household registry over HTTP, for county offices and cadres. ID numbers come in; only masked ones go out. */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    record RegionBody(@NotNull @Pattern(regexp = "\\d{2}0000") String provinceCode,
                      @NotNull @Pattern(regexp = "\\d{6}") String countyCode,
                      @NotNull @Pattern(regexp = "\\d{9}") String townshipCode,
                      @NotNull @Pattern(regexp = "\\d{12}") String villageCode) {

        Region toRegion() {
            return new Region(provinceCode, countyCode, townshipCode, villageCode);
        }
    }

    record MemberBody(@NotBlank String idNumber, @NotNull Relation relation, @NotNull LabourCapacity labourCapacity,
                      List<@NotBlank String> skills) {
    }

    record RegistrationBody(@NotNull @Valid RegionBody region, boolean liftedFromPoverty,
                            @NotNull @PositiveOrZero BigDecimal annualNetIncomeYuan,
                            @NotEmpty @Size(max = 30) List<@Valid MemberBody> members) {
    }

    record MemberView(String memberId, String maskedIdNumber, int birthYear, Relation relation,
                      LabourCapacity labourCapacity, List<String> skills) {

        static MemberView of(Member member) {
            return new MemberView(member.memberId(), member.maskedIdNumber(), member.birthYear(), member.relation(),
                    member.labourCapacity(), member.skills());
        }
    }

    record HouseholdView(String householdId, Region region, boolean liftedFromPoverty, BigDecimal annualNetIncomeYuan,
                         MonitoringStatus status, HouseholdCategory category, List<RiskType> riskTypes,
                         LocalDate flaggedOn, List<MemberView> members) {

        static HouseholdView of(Household household) {
            return new HouseholdView(household.id(), household.region(), household.liftedFromPoverty(),
                    household.annualNetIncomeYuan(), household.status(), household.category(), household.riskTypes(),
                    household.flaggedOn(), household.members().stream().map(MemberView::of).toList());
        }
    }

    private final HouseholdRegistry registry;

    HouseholdController(HouseholdRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HouseholdView> register(@Valid @RequestBody RegistrationBody body) {
        return Mono.defer(() -> registry.register(body.region().toRegion(), body.liftedFromPoverty(), body.annualNetIncomeYuan(),
                        body.members().stream().map(m -> new HouseholdRegistry.NewMember(m.idNumber(), m.relation(),
                                m.labourCapacity(), m.skills())).toList()))
                .map(HouseholdView::of);
    }

    @GetMapping("/{householdId}")
    Mono<HouseholdView> find(@PathVariable String householdId) {
        return registry.find(householdId).map(HouseholdView::of);
    }
}
