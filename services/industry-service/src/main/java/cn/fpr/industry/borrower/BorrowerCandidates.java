package cn.fpr.industry.borrower;

import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.industry.borrower.model.MicrocreditEligibility;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Keeps industry's borrower candidates in step with monitoring, by natural upserts (redelivery changes nothing). */
@Service
public class BorrowerCandidates {

    private final ReactiveMongoTemplate mongo;
    private final MicrocreditEligibility eligibility;

    BorrowerCandidates(ReactiveMongoTemplate mongo, MicrocreditProperties properties) {
        this.mongo = mongo;
        this.eligibility = new MicrocreditEligibility(properties.provincesLendingToMonitored());
    }

    public Mono<Void> apply(HouseholdEvent event) {
        if (event instanceof HouseholdFlagged flagged) {
            return upsert(flagged.householdId(), new Update()
                    .set("region", flagged.region())
                    .set("category", flagged.category())
                    .set("eligible", eligibility.eligible(flagged.category(), flagged.region().provinceCode()))
                    .set("monitored", true)
                    .set("flaggedOn", flagged.flaggedOn()));
        }
        if (event instanceof HouseholdRiskEliminated eliminated) {
            return upsert(eliminated.householdId(), new Update().set("region", eliminated.region()).set("monitored", false));
        }
        return Mono.empty();
    }

    public Mono<BorrowerCandidate> find(String householdId) {
        return mongo.findById(householdId, BorrowerCandidate.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no monitored household " + householdId + " known to industry")));
    }

    private Mono<Void> upsert(String householdId, Update update) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(householdId)), update, BorrowerCandidate.class).then();
    }
}
