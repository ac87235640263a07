package cn.fpr.industry.household;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.industry.microcredit.MicrocreditProperties;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps industry's view of registered and monitored households in step with monitoring, by natural upserts. A
 * flagged household with labour whose needs call for industry help gets an assistance offer
 * (microcredit eligibility, linkage candidate); risk elimination closes it.
 */
@Service
public class SupportedHouseholds {

    private static final Set<AssistanceNeed> INDUSTRY_NEEDS = EnumSet.of(AssistanceNeed.INDUSTRY_SUPPORT,
            AssistanceNeed.MICROCREDIT, AssistanceNeed.TECHNICAL_HELP);

    private final ReactiveMongoTemplate mongo;
    private final MicrocreditProperties microcredit;

    SupportedHouseholds(ReactiveMongoTemplate mongo, MicrocreditProperties microcredit) {
        this.mongo = mongo;
        this.microcredit = microcredit;
    }

    public Mono<Void> apply(HouseholdEvent event) {
        if (event instanceof HouseholdRegistered registered) {
            return upsert(registered.householdId(), new Update()
                    .set("region", registered.region())
                    .set("liftedFromPoverty", registered.liftedFromPoverty())
                    .set("labourMembers", registered.labourMembers())
                    .setOnInsert("monitored", false));
        }
        if (event instanceof HouseholdFlagged flagged) {
            Update update = new Update()
                    .set("region", flagged.region())
                    .set("category", flagged.category())
                    .set("liftedFromPoverty", flagged.category() == HouseholdCategory.UNSTABLE_LIFTED)
                    .set("riskTypes", flagged.riskTypes())
                    .set("labourMembers", flagged.labourMembers())
                    .set("monitored", true)
                    .set("flaggedOn", flagged.flaggedOn());
            if (flagged.hasLabour() && flagged.assistanceNeeds().stream().anyMatch(INDUSTRY_NEEDS::contains)) {
                boolean eligible = flagged.category() == HouseholdCategory.UNSTABLE_LIFTED
                        || microcredit.policyFor(flagged.region().provinceCode()).lendsToMonitored();
                update.set("offer", new SupportedHousehold.Offer(SupportedHousehold.OPEN, eligible, true, flagged.assistanceNeeds(),
                        flagged.flaggedOn(), null));
            }
            return upsert(flagged.householdId(), update);
        }
        if (event instanceof HouseholdRiskEliminated eliminated) {
            return mongo.findById(eliminated.householdId(), SupportedHousehold.class)
                    .flatMap(known -> {
                        Update update = new Update().set("monitored", false);
                        if (known.offer() != null && SupportedHousehold.OPEN.equals(known.offer().status())) {
                            SupportedHousehold.Offer offer = known.offer();
                            update.set("offer", new SupportedHousehold.Offer(SupportedHousehold.CLOSED, offer.microcreditEligible(),
                                    offer.linkageCandidate(), offer.needs(), offer.openedOn(), eliminated.eliminatedOn()));
                        }
                        return upsert(eliminated.householdId(), update);
                    });
        }
        return Mono.empty();
    }

    /** A household of the caller's region; any other answers as one industry does not know. */
    public Mono<SupportedHousehold> find(String householdId) {
        Supplier<NotFoundException> missing = () -> new NotFoundException("no household " + householdId + " known to industry");
        return mongo.findById(householdId, SupportedHousehold.class)
                .switchIfEmpty(Mono.error(missing))
                .flatMap(household -> Caller.seen(household, regionOf(household), missing));
    }

    /** The most precise division code known of where a household lives. */
    public static String regionOf(SupportedHousehold household) {
        return household.region() == null ? null : household.region().finest();
    }

    /** Open offers of the caller's region, or of a county within it, for the county office to act on. */
    public Flux<SupportedHousehold> openOffers(String countyCode) {
        return Caller.listed(countyCode, SupportedHouseholds::regionOf, () -> allOpenOffers(countyCode));
    }

    private Flux<SupportedHousehold> allOpenOffers(String countyCode) {
        Criteria criteria = Criteria.where("offer.status").is(SupportedHousehold.OPEN);
        if (countyCode != null) {
            criteria = criteria.and("region.countyCode").is(countyCode);
        }
        return mongo.find(Query.query(criteria), SupportedHousehold.class);
    }

    private Mono<Void> upsert(String householdId, Update update) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(householdId)), update, SupportedHousehold.class).then();
    }
}
