package cn.fpr.monitoring.household;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.household.Region;
import cn.fpr.monitoring.household.model.HealthStatus;
import cn.fpr.monitoring.household.model.IncomeEntry;
import cn.fpr.monitoring.household.model.MonitoringStatus;
import cn.fpr.monitoring.household.model.Relation;
import cn.fpr.monitoring.household.model.SchoolStage;
import cn.fpr.platform.identity.IdNumberHasher;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.platform.identity.PersonalData;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Registers and finds households; ID numbers are hashed and masked here and go no further. */
@Service
public class HouseholdRegistry {

    /** A member as given at registration, with the clear ID number. */
    public record NewMember(String idNumber, Relation relation, HealthStatus health, LabourCapacity labourCapacity,
                            List<String> skills, SchoolStage schoolStage, boolean medicallyInsured, boolean pensionInsured,
                            String name) {
    }

    /** A household as given at registration. */
    public record NewHousehold(Region region, boolean liftedFromPoverty, BigDecimal annualNetIncomeYuan,
                               String responsibleCadre, List<NewMember> members, String phone) {
    }

    private final Households households;
    private final HouseholdStore store;
    private final ReactiveMongoTemplate mongo;
    private final IdNumberHasher hasher;
    private final PersonalData personalData;

    HouseholdRegistry(Households households, HouseholdStore store, ReactiveMongoTemplate mongo, IdNumberHasher hasher,
                      PersonalData personalData) {
        this.households = households;
        this.store = store;
        this.mongo = mongo;
        this.hasher = hasher;
        this.personalData = personalData;
    }

    /** Checks the members (field names relative to the household) and turns them into stored members. */
    public List<Member> members(List<NewMember> newMembers, String fieldPrefix) {
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < newMembers.size(); i++) {
            NewMember member = newMembers.get(i);
            String field = fieldPrefix + "members[" + i + "].idNumber";
            if (!IdNumbers.isValid(member.idNumber())) {
                throw new RuleBroken(field, "is not a valid resident ID number");
            }
            String hash = hasher.hash(member.idNumber());
            if (!seen.add(hash)) {
                throw new RuleBroken(field, "appears twice in the household");
            }
            members.add(new Member("m-" + (i + 1), hash, IdNumbers.mask(member.idNumber()), IdNumbers.birthYear(member.idNumber()),
                    member.relation(), member.health() == null ? HealthStatus.HEALTHY : member.health(), member.labourCapacity(),
                    member.skills() == null ? List.of() : List.copyOf(member.skills()),
                    member.schoolStage() == null ? SchoolStage.NOT_IN_SCHOOL_AGE : member.schoolStage(),
                    member.medicallyInsured(), member.pensionInsured(), personalData.seal(blankToNull(member.name()))));
        }
        return members;
    }

    /** A household registered, or refused with the rule it broke. */
    public record Registration(Household household, RuleBroken refused) {
    }

    public Mono<Household> register(NewHousehold household) {
        return registerAll(List.of(household)).map(registered -> registered.get(0)).flatMap(registration ->
                registration.refused() == null ? Mono.just(registration.household()) : Mono.error(registration.refused()));
    }

    /**
     * Registers households together, their outcomes in order: the members checked, hashed and
     * masked, and the households of the caller's region saved with one bulk insert. A member
     * registered in another household (of the store, or earlier in the batch) is refused by the
     * store's unique index on members' ID hashes, so two registrations at once cannot both take
     * the same person; the refusal names the member.
     */
    public Mono<List<Registration>> registerAll(List<NewHousehold> batch) {
        return registerAll(batch, true);
    }

    private Mono<List<Registration>> registerAll(List<NewHousehold> batch, boolean retryTakenId) {
        Registration[] outcomes = new Registration[batch.size()];
        List<Integer> positions = new ArrayList<>();
        List<Function<Occasion, Household>> creations = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewHousehold household = batch.get(i);
            try {
                List<Member> members = members(household.members(), "");
                positions.add(i);
                creations.add(occasion -> create(household, members, occasion));
            } catch (RuleBroken broken) {
                outcomes[i] = new Registration(null, broken);
            }
        }
        return store.createAll(creations)
                .flatMap(created -> Flux.range(0, created.size()).concatMap(k -> {
                    HouseholdStore.Created one = created.get(k);
                    if (one.saved()) {
                        return Mono.just(new Registration(one.household(), null));
                    }
                    if (one.outsideRegion() != null) {
                        return Mono.just(new Registration(null, one.outsideRegion()));
                    }
                    return refusal(batch.get(positions.get(k)), one.household(), retryTakenId);
                }).collectList())
                .map(saved -> {
                    for (int k = 0; k < saved.size(); k++) {
                        outcomes[positions.get(k)] = saved.get(k);
                    }
                    return List.of(outcomes);
                });
    }

    /**
     * Why the store refused a new household: the first of its members registered elsewhere; if
     * none is, another household had drawn the same ID, and it is registered once more under
     * another.
     */
    private Mono<Registration> refusal(NewHousehold household, Household refused, boolean retryTakenId) {
        List<Member> members = refused.members();
        return Flux.range(0, members.size())
                .concatMap(i -> households.existsByMembersIdHash(members.get(i).idHash()).filter(Boolean::booleanValue).map(taken -> i))
                .next()
                .map(i -> new Registration(null, new RuleBroken("members[" + i + "].idNumber", "is already registered in another household")))
                .switchIfEmpty(Mono.defer(() -> retryTakenId ? registerAll(List.of(household), false).map(again -> again.get(0))
                        : Mono.error(new IllegalStateException("household " + refused.id() + " was refused by the store twice"))));
    }

    private Household create(NewHousehold household, List<Member> members, Occasion occasion) {
        String id = "hh-" + household.region().countyCode() + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Household created = new Household(id, household.region(), household.liftedFromPoverty(), members,
                household.annualNetIncomeYuan(), household.responsibleCadre(), occasion);
        if (blankToNull(household.phone()) != null) {
            created.changePhone(personalData.seal(household.phone().trim()), occasion);
        }
        return created;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Mono<Household> find(String householdId) {
        return store.find(householdId);
    }

    /** Households of a region (province, county or township code) by category and status, a page at a time. */
    public Flux<Household> query(String regionField, String regionCode, HouseholdCategory category, MonitoringStatus status,
                                 int page, int size) {
        Criteria criteria = new Criteria();
        if (regionCode != null) {
            criteria = criteria.and("region." + regionField).is(regionCode);
        }
        if (category != null) {
            criteria = criteria.and("category").is(category);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).skip((long) page * size).limit(size);
        query.fields().exclude("timeline", "outbox", "appliedEventIds");
        return mongo.find(query, Household.class);
    }

    /** Updates the household's conditions and, if one is given, its contact phone number, in one write. */
    public Mono<Household> updateConditions(String householdId, Household.Conditions conditions, String phone) {
        String sealedPhone = personalData.seal(blankToNull(phone));
        return store.change(householdId, (household, occasion) -> {
            household.updateConditions(conditions, occasion);
            if (sealedPhone != null) {
                household.changePhone(sealedPhone, occasion);
            }
            return household;
        });
    }

    /** The clear value of a sealed name or phone number, for a view. */
    public String open(String sealed) {
        return personalData.open(sealed);
    }

    /** Adds a member; the ID number is checked, hashed and masked like at registration. */
    public Mono<Household> addMember(String householdId, NewMember newMember) {
        return store.find(householdId)
                .flatMap(found -> {
                    Member checked = members(List.of(newMember), "").get(0);
                    Member member = new Member("m-" + (found.members().size() + 1), checked.idHash(), checked.maskedIdNumber(),
                            checked.birthYear(), checked.relation(), checked.health(), checked.labourCapacity(), checked.skills(),
                            checked.schoolStage(), checked.medicallyInsured(), checked.pensionInsured(), checked.sealedName());
                    return households.existsByMembersIdHash(member.idHash()).flatMap(registered -> registered
                            ? Mono.error(new RuleBroken("idNumber", "is already registered in a household"))
                            : store.change(householdId, (household, occasion) -> {
                                household.addMember(member, occasion);
                                return household;
                            }))
                            // registered elsewhere meanwhile: the store's unique index refuses it
                            .onErrorMap(DuplicateKeyException.class, taken -> new RuleBroken("idNumber", "is already registered in a household"));
                });
    }

    public Mono<Household> updateMember(String householdId, String memberId, Household.MemberUpdate update) {
        return store.change(householdId, (household, occasion) -> {
            household.updateMember(memberId, update, occasion);
            return household;
        });
    }

    public Mono<Boolean> recordIncome(String householdId, IncomeEntry entry) {
        return store.change(householdId, (household, occasion) -> household.recordIncome(entry, occasion));
    }
}
