package cn.fpr.employment.seeker;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.Region;
import cn.fpr.employment.opening.model.Mobility;
import cn.fpr.employment.seeker.model.Priority;
import cn.fpr.employment.seeker.model.SeekerProfile;
import cn.fpr.employment.seeker.model.SeekerProfiles;
import cn.fpr.platform.identity.IdNumberHasher;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The labour registry. Writes are natural upserts keyed by household and member (or by the
 * hashed ID number for direct registrations), so a redelivered event changes nothing.
 */
@Service
public class LabourRegistry {

    static final String SOURCE_FLAGGED = "household-flagged";
    static final String SOURCE_DIRECT = "direct-registration";

    /** A person registering directly at an employment office. */
    public record DirectRegistration(String idNumber, String householdId, String memberId, Region region,
                                     LabourCapacity labourCapacity, List<String> skills, Mobility willingness,
                                     boolean liftedFromPoverty) {
    }

    private final ReactiveMongoTemplate mongo;
    private final IdNumberHasher hasher;
    private final Clock clock;

    LabourRegistry(ReactiveMongoTemplate mongo, IdNumberHasher hasher, Clock clock) {
        this.mongo = mongo;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Mono<Void> apply(HouseholdEvent event) {
        if (event instanceof HouseholdFlagged flagged) {
            return Flux.fromIterable(SeekerProfiles.from(flagged)).concatMap(this::register).then();
        }
        if (event instanceof HouseholdRiskEliminated eliminated) {
            return mongo.updateMulti(byHousehold(eliminated.householdId()), Update.update("monitored", false), JobSeeker.class).then();
        }
        return Mono.empty();
    }

    private Mono<Void> register(SeekerProfile profile) {
        Update update = new Update()
                .setOnInsert("householdId", profile.householdId())
                .setOnInsert("memberId", profile.memberId())
                .setOnInsert("birthYear", profile.birthYear())
                .setOnInsert("source", SOURCE_FLAGGED)
                .setOnInsert("registeredOn", LocalDate.now(clock))
                .setOnInsert("willingness", Mobility.IN_PROVINCE)
                .setOnInsert("employed", false)
                .set("region", profile.region())
                .set("labourCapacity", profile.labourCapacity())
                .set("skills", profile.skills())
                .set("liftedFromPoverty", profile.liftedFromPoverty())
                .set("priority", profile.priority())
                .set("monitored", true);
        return mongo.upsert(Query.query(Criteria.where("_id").is(profile.seekerId())), update, JobSeeker.class).then();
    }

    /** Registers someone who came to an employment office; the ID number is kept hashed and masked only. */
    public Mono<JobSeeker> registerDirectly(DirectRegistration registration) {
        if (!IdNumbers.isValid(registration.idNumber())) {
            return Mono.error(new RuleBroken("idNumber", "is not a valid resident ID number"));
        }
        String idHash = hasher.hash(registration.idNumber());
        String seekerId = registration.householdId() != null && registration.memberId() != null
                ? SeekerProfiles.seekerId(registration.householdId(), registration.memberId())
                : "direct-" + idHash.substring(0, 16);
        JobSeeker seeker = new JobSeeker(seekerId, registration.householdId(), registration.memberId(),
                IdNumbers.mask(registration.idNumber()), idHash, registration.region(), IdNumbers.birthYear(registration.idNumber()),
                registration.labourCapacity(), registration.skills() == null ? List.of() : List.copyOf(registration.skills()),
                registration.willingness(), registration.liftedFromPoverty() ? Priority.MONITORED_HOUSEHOLD : Priority.GENERAL,
                false, registration.liftedFromPoverty(), false, null, SOURCE_DIRECT, LocalDate.now(clock));
        return Caller.creatingIn(regionOf(seeker), "region").flatMap(caller -> mongo.exists(Query.query(Criteria.where("idHash").is(idHash)), JobSeeker.class)
                        .flatMap(known -> known ? Mono.error(new RuleBroken("idNumber", "is already in the labour registry"))
                                : mongo.insert(seeker)));
    }

    /** The most precise division code known of where a job seeker lives. */
    public static String regionOf(JobSeeker seeker) {
        return seeker.region() == null ? null : seeker.region().finest();
    }

    /** A job seeker of the caller's region; any other answers as one that does not exist. */
    public Mono<JobSeeker> find(String seekerId) {
        return mongo.findById(seekerId, JobSeeker.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no job seeker " + seekerId)))
                .flatMap(seeker -> Caller.seen(seeker, regionOf(seeker), () -> new NotFoundException("no job seeker " + seekerId)));
    }

    /** A cadre records how far the person will go for work and what they can do. */
    public Mono<JobSeeker> update(String seekerId, Mobility willingness, List<String> skills) {
        Update update = new Update();
        if (willingness != null) {
            update.set("willingness", willingness);
        }
        if (skills != null) {
            update.set("skills", List.copyOf(skills));
        }
        return find(seekerId).flatMap(found -> mongo.updateFirst(Query.query(Criteria.where("_id").is(seekerId)), update,
                JobSeeker.class)).then(find(seekerId));
    }

    /** Employment's own facts: the person is in work (or not) through the placement. */
    public Mono<Void> employment(String householdId, String memberId, boolean employed, String placementId) {
        Query query = Query.query(Criteria.where("householdId").is(householdId).and("memberId").is(memberId));
        if (!employed) {
            query.addCriteria(Criteria.where("placementId").is(placementId));
        }
        return mongo.updateMulti(query, Update.update("employed", employed).set("placementId", employed ? placementId : null),
                JobSeeker.class).then();
    }

    /** Seekers of a zero-employment household go first in matching. */
    public Mono<Void> prioritiseZeroEmployment(String householdId) {
        return mongo.updateMulti(byHousehold(householdId), Update.update("priority", Priority.ZERO_EMPLOYMENT_HOUSEHOLD),
                JobSeeker.class).then();
    }

    /** Job seekers of the caller's region, of a household or county within it if one is given (a county outside it: 404). */
    public Flux<JobSeeker> find(String householdId, String countyCode, int page, int size) {
        return Caller.listed(countyCode, LabourRegistry::regionOf, () -> all(householdId, countyCode, page, size));
    }

    private Flux<JobSeeker> all(String householdId, String countyCode, int page, int size) {
        Criteria criteria = new Criteria();
        if (householdId != null) {
            criteria = criteria.and("householdId").is(householdId);
        }
        if (countyCode != null) {
            criteria = criteria.and("region.countyCode").is(countyCode);
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).skip((long) page * size).limit(size);
        return mongo.find(query, JobSeeker.class);
    }

    /** Seekers not in work who may be matched: of the opening's province, or willing to go across provinces. */
    public Flux<JobSeeker> available(String workProvincePrefix) {
        Criteria local = Criteria.where("region.provinceCode").is(workProvincePrefix + "0000");
        Criteria mobile = Criteria.where("willingness").is(Mobility.CROSS_PROVINCE);
        return mongo.find(Query.query(Criteria.where("employed").is(false).orOperator(local, mobile)), JobSeeker.class);
    }

    private static Query byHousehold(String householdId) {
        return Query.query(Criteria.where("householdId").is(householdId));
    }
}
