package cn.fpr.monitoring.household.web;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.Region;
import cn.fpr.monitoring.casework.Casework;
import cn.fpr.monitoring.casework.model.ProcedureState;
import cn.fpr.monitoring.household.Assessed;
import cn.fpr.monitoring.household.Household;
import cn.fpr.monitoring.household.HouseholdRegistry;
import cn.fpr.monitoring.household.Measure;
import cn.fpr.monitoring.household.Member;
import cn.fpr.monitoring.household.RigidSpending;
import cn.fpr.monitoring.household.SignalRecord;
import cn.fpr.monitoring.household.TimelineEntry;
import cn.fpr.monitoring.household.importing.HouseholdImport;
import cn.fpr.monitoring.household.importing.ImportReport;
import cn.fpr.monitoring.household.model.DrinkingWater;
import cn.fpr.monitoring.household.model.Employment;
import cn.fpr.monitoring.household.model.ExitEligibility;
import cn.fpr.monitoring.household.model.HealthStatus;
import cn.fpr.monitoring.household.model.HousingGrade;
import cn.fpr.monitoring.household.model.IncomeEntry;
import cn.fpr.monitoring.household.model.IncomeSource;
import cn.fpr.monitoring.household.model.MonitoringStatus;
import cn.fpr.monitoring.household.model.Relation;
import cn.fpr.monitoring.household.model.SchoolStage;
import cn.fpr.platform.web.NotFoundException;
import cn.fpr.platform.web.RegionQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
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

    /** A member as a cadre enters it; the name is optional and sealed before it is stored. */
    record MemberBody(@NotBlank String idNumber, @NotNull Relation relation, HealthStatus health,
                      @NotNull LabourCapacity labourCapacity, List<@NotBlank String> skills, SchoolStage schoolStage,
                      boolean medicallyInsured, boolean pensionInsured, @Size(max = 50) String name) {

        HouseholdRegistry.NewMember toMember() {
            return new HouseholdRegistry.NewMember(idNumber, relation, health, labourCapacity, skills, schoolStage,
                    medicallyInsured, pensionInsured, name);
        }
    }

    /** A mainland mobile or landline number, digits with an optional area code and extension. */
    static final String PHONE = "^(\\+86[ -]?)?[0-9][0-9 -]{5,18}[0-9]$";

    record RegistrationBody(@NotNull @Valid RegionBody region, boolean liftedFromPoverty,
                            @NotNull @PositiveOrZero BigDecimal annualNetIncomeYuan, @Size(max = 100) String responsibleCadre,
                            @NotEmpty @Size(max = 30) List<@Valid MemberBody> members,
                            @Pattern(regexp = PHONE, message = "is not a phone number") String phone) {
    }

    record WaterBody(@NotNull @PositiveOrZero BigDecimal litresPerPersonPerDay, boolean qualityMeetsStandard,
                     @Min(0) int fetchingMinutes, @NotNull @DecimalMin("0") BigDecimal supplyGuaranteePercent) {

        DrinkingWater toWater() {
            return new DrinkingWater(litresPerPersonPerDay, qualityMeetsStandard, fetchingMinutes, supplyGuaranteePercent);
        }
    }

    record ConditionsBody(HousingGrade housingGrade, @Valid WaterBody drinkingWater, Boolean foodAndClothingSecure,
                          Boolean socialSecurityBacked, @Size(max = 100) String responsibleCadre,
                          @PositiveOrZero BigDecimal annualNetIncomeYuan, Boolean rigidSpendingResolved,
                          @Pattern(regexp = PHONE, message = "is not a phone number") String phone) {
    }

    record IncomeBody(@NotBlank @Size(max = 64) String entryId, @NotNull YearMonth month, @NotNull IncomeSource source,
                      @NotNull @PositiveOrZero BigDecimal amountYuan, @PositiveOrZero BigDecimal operatingCostYuan) {
    }

    record MemberView(String memberId, String name, String maskedIdNumber, int birthYear, Relation relation, HealthStatus health,
                      LabourCapacity labourCapacity, List<String> skills, SchoolStage schoolStage, boolean medicallyInsured,
                      boolean pensionInsured) {

        static MemberView of(Member member, HouseholdRegistry registry) {
            return new MemberView(member.memberId(), registry.open(member.sealedName()), member.maskedIdNumber(), member.birthYear(),
                    member.relation(), member.health(), member.labourCapacity(), member.skills(), member.schoolStage(),
                    member.medicallyInsured(), member.pensionInsured());
        }
    }

    /** A household in full, for the cadres and offices responsible for it: names and phone number opened. */
    record HouseholdView(String householdId, Region region, String phone, boolean liftedFromPoverty, BigDecimal annualNetIncomeYuan,
                         MonitoringStatus status, HouseholdCategory category, List<RiskType> riskTypes, LocalDate flaggedOn,
                         LocalDate eliminatedOn, HousingGrade housingGrade, DrinkingWater drinkingWater,
                         boolean socialSecurityBacked, String responsibleCadre, Assessed assessment, String openCaseId,
                         List<MemberView> members, List<RigidSpending> rigidSpending, List<SignalRecord> signals,
                         List<ProcedureState> cases, List<IncomeEntry> income, List<Employment> employments,
                         List<Measure> measures) {

        static HouseholdView of(Household household, HouseholdRegistry registry) {
            return new HouseholdView(household.id(), household.region(), registry.open(household.sealedPhone()), household.liftedFromPoverty(),
                    household.annualNetIncomeYuan(), household.status(), household.category(), household.riskTypes(),
                    household.flaggedOn(), household.eliminatedOn(), household.housingGrade(), household.drinkingWater(),
                    household.socialSecurityBacked(), household.responsibleCadre(), household.assessment(),
                    household.openCaseId(), household.members().stream().map(member -> MemberView.of(member, registry)).toList(),
                    household.rigidSpending(), household.signals(), household.cases(), household.income(),
                    household.employments(), household.measures());
        }
    }

    /** A row of a household list: no members, signals or history. */
    record HouseholdSummary(String householdId, Region region, MonitoringStatus status, HouseholdCategory category,
                            List<RiskType> riskTypes, int members, String openCaseId, LocalDate flaggedOn) {

        static HouseholdSummary of(Household household) {
            return new HouseholdSummary(household.id(), household.region(), household.status(), household.category(),
                    household.riskTypes(), household.members().size(), household.openCaseId(), household.flaggedOn());
        }
    }

    private final HouseholdRegistry registry;
    private final Casework casework;
    private final HouseholdImport importer;

    HouseholdController(HouseholdRegistry registry, Casework casework, HouseholdImport importer) {
        this.registry = registry;
        this.casework = casework;
        this.importer = importer;
    }

    private HouseholdView view(Household household) {
        return HouseholdView.of(household, registry);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HouseholdView> register(@Valid @RequestBody RegistrationBody body) {
        return Mono.defer(() -> registry.register(new HouseholdRegistry.NewHousehold(body.region().toRegion(),
                        body.liftedFromPoverty(), body.annualNetIncomeYuan(), body.responsibleCadre(),
                        body.members().stream().map(MemberBody::toMember).toList(), body.phone())))
                .map(this::view);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping
    Flux<HouseholdSummary> query(@RequestParam(required = false) String region,
                                 @RequestParam(required = false) HouseholdCategory category,
                                 @RequestParam(required = false) MonitoringStatus status,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        RegionQuery where = RegionQuery.of(region);
        return registry.query(where.field(), where.code(), category, status, page, size).map(HouseholdSummary::of);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/{householdId}")
    Mono<HouseholdView> find(@PathVariable String householdId) {
        return registry.find(householdId).map(this::view);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PatchMapping("/{householdId}")
    Mono<HouseholdView> updateConditions(@PathVariable String householdId, @Valid @RequestBody ConditionsBody body) {
        return registry.updateConditions(householdId, new Household.Conditions(body.housingGrade(),
                        body.drinkingWater() == null ? null : body.drinkingWater().toWater(), body.foodAndClothingSecure(),
                        body.socialSecurityBacked(), body.responsibleCadre(), body.annualNetIncomeYuan(), body.rigidSpendingResolved()),
                        body.phone())
                .map(this::view);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PostMapping("/{householdId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HouseholdView> addMember(@PathVariable String householdId, @Valid @RequestBody MemberBody body) {
        return Mono.defer(() -> registry.addMember(householdId, body.toMember())).map(this::view);
    }

    record MemberUpdateBody(HealthStatus health, LabourCapacity labourCapacity, List<@NotBlank String> skills,
                            SchoolStage schoolStage, Boolean medicallyInsured, Boolean pensionInsured) {
    }

    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PatchMapping("/{householdId}/members/{memberId}")
    Mono<HouseholdView> updateMember(@PathVariable String householdId, @PathVariable String memberId,
                                     @Valid @RequestBody MemberUpdateBody body) {
        return registry.updateMember(householdId, memberId, new Household.MemberUpdate(body.health(), body.labourCapacity(),
                body.skills(), body.schoolStage(), body.medicallyInsured(), body.pensionInsured())).map(this::view);
    }

    /** Monthly income by source (recorded once per entry ID). */
    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PostMapping("/{householdId}/income")
    Mono<IncomeRecorded> recordIncome(@PathVariable String householdId, @Valid @RequestBody IncomeBody body) {
        IncomeEntry entry = new IncomeEntry(body.entryId(), body.month(), body.source(), body.amountYuan(),
                body.operatingCostYuan() == null ? BigDecimal.ZERO : body.operatingCostYuan());
        return registry.recordIncome(householdId, entry).map(recorded -> new IncomeRecorded(body.entryId(), recorded));
    }

    record IncomeRecorded(String entryId, boolean recorded) {
    }

    /** Every signal, decision, measure, income change and event, in order, with its correlation ID. */
    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/{householdId}/timeline")
    Mono<List<TimelineEntry>> timeline(@PathVariable String householdId) {
        return registry.find(householdId).map(Household::timeline);
    }

    /** Whether the household meets the exit rules today, and what stands in the way. */
    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/{householdId}/exit-eligibility")
    Mono<ExitEligibility.Decision> exitEligibility(@PathVariable String householdId) {
        return casework.exitEligibility(householdId);
    }

    /** Opens the exit review (風險消除) when the rules are met; 422 with the reasons when not. */
    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PostMapping("/{householdId}/exit-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HouseholdView> openExitReview(@PathVariable String householdId) {
        return casework.openExitReview(householdId).then(registry.find(householdId)).map(this::view);
    }

    /**
     * Bulk registration from CSV (one row per member, a household's rows together). Progress of a
     * running import is at {@code GET /api/v1/households/imports/{importId}}.
     */
    @Allowed({Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Mono<ImportReport> importCsv(@RequestParam @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String importId,
                                 @RequestBody Flux<DataBuffer> body) {
        return importer.importCsv(importId, body);
    }

    @Allowed({Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/imports/{importId}")
    Mono<ImportReport> importProgress(@PathVariable String importId) {
        return importer.progress(importId).switchIfEmpty(Mono.error(() -> new NotFoundException("no import " + importId)));
    }
}
