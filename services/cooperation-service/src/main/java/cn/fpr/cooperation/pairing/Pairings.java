package cn.fpr.cooperation.pairing;

import cn.fpr.cooperation.pairing.model.PairingLevel;
import cn.fpr.cooperation.pairing.model.ProvincePairings;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Pairings: the 2021 province pairings as reference data, and the pairings below them. */
@Service
public class Pairings {

    private final ReactiveMongoTemplate mongo;

    Pairings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Loads the province pairings on start; saving the same reference data again changes nothing. */
    @EventListener(ApplicationReadyEvent.class)
    void loadReferenceData() {
        Flux.fromIterable(ProvincePairings.FROM_2021)
                .map(p -> new Pairing(p.pairingId(), PairingLevel.PROVINCE, null, new Pairing.Party(p.eastCode(), p.eastName()),
                        new Pairing.Party(p.westCode(), p.westName()), p.scope()))
                .concatMap(mongo::save)
                .then().block(Duration.ofMinutes(1));
    }

    /**
     * A pairing that concerns the caller of an internal API: one of its parties lies within the
     * caller's region or holds it (Weining's county office sees Guangdong–Guizhou). Any other
     * answers as one that does not exist. Partners are held to their own pairings elsewhere.
     */
    public Mono<Pairing> visible(String pairingId) {
        return find(pairingId).flatMap(pairing -> Caller.currentOrService().flatMap(caller -> concerns(caller, pairing)
                ? Mono.just(pairing) : Mono.error(new NotFoundException("no pairing " + pairingId))));
    }

    /** The pairings that concern the caller (see {@link #visible}). */
    public Flux<Pairing> visible(PairingLevel level, String parentId) {
        return Caller.currentOrService().flatMapMany(caller -> list(level, parentId).filter(pairing -> concerns(caller, pairing)));
    }

    private static boolean concerns(Caller caller, Pairing pairing) {
        return caller.overlaps(pairing.east().code()) || caller.overlaps(pairing.west().code());
    }

    public Mono<Pairing> find(String pairingId) {
        return mongo.findById(pairingId, Pairing.class).switchIfEmpty(Mono.error(() -> new NotFoundException("no pairing " + pairingId)));
    }

    public Flux<Pairing> list(PairingLevel level, String parentId) {
        Criteria criteria = new Criteria();
        if (level != null) {
            criteria = criteria.and("level").is(level);
        }
        if (parentId != null) {
            criteria = criteria.and("parentId").is(parentId);
        }
        return mongo.find(Query.query(criteria), Pairing.class);
    }

    /**
     * A pairing below an existing one (city–county, county–county, ..., school, hospital), set by
     * a province administrator of one of its two parties.
     */
    public Mono<Pairing> create(Pairing pairing) {
        if (pairing.level() == PairingLevel.PROVINCE) {
            return Mono.error(new RuleBroken("level", "province pairings are the 2021 reference data"));
        }
        return Caller.currentOrService().filter(caller -> caller.covers(pairing.east().code()) || caller.covers(pairing.west().code()))
                .switchIfEmpty(Mono.error(() -> new RuleBroken("west", "neither party lies in your region")))
                .then(visible(pairing.parentId()))
                .onErrorMap(NotFoundException.class, e -> new RuleBroken("parentId", e.getMessage()))
                .flatMap(parent -> {
                    if (!pairing.eastProvinceCode().equals(parent.eastProvinceCode())
                            || !pairing.westProvinceCode().equals(parent.westProvinceCode())) {
                        return Mono.error(new RuleBroken("parentId", "the parties must lie in the provinces of " + parent.pairingId()));
                    }
                    return mongo.insert(pairing).onErrorMap(DuplicateKeyException.class,
                            e -> new RuleBroken("pairingId", "exists already"));
                });
    }
}
