package cn.fpr.employment.seeker;

import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.employment.seeker.model.SeekerProfile;
import cn.fpr.employment.seeker.model.SeekerProfiles;
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

/**
 * Keeps the labour registry in step with monitoring. Every write is a natural upsert keyed by
 * household and member, so a redelivered event changes nothing.
 */
@Service
public class LabourRegistry {

    static final String SOURCE_FLAGGED = "household-flagged";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    LabourRegistry(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> apply(HouseholdEvent event) {
        if (event instanceof HouseholdFlagged flagged) {
            return Flux.fromIterable(SeekerProfiles.from(flagged)).concatMap(this::register).then();
        }
        if (event instanceof HouseholdRiskEliminated eliminated) {
            return mongo.updateMulti(Query.query(Criteria.where("householdId").is(eliminated.householdId())),
                    Update.update("monitored", false), JobSeeker.class).then();
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
                .set("region", profile.region())
                .set("labourCapacity", profile.labourCapacity())
                .set("skills", profile.skills())
                .set("priority", profile.priority())
                .set("monitored", true);
        return mongo.upsert(Query.query(Criteria.where("_id").is(profile.seekerId())), update, JobSeeker.class).then();
    }

    public Flux<JobSeeker> find(String householdId, String countyCode, int page, int size) {
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
}
