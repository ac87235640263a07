package cn.fpr.cooperation.partner;

import cn.fpr.cooperation.pairing.Pairing;
import cn.fpr.cooperation.pairing.Pairings;
import cn.fpr.cooperation.partner.model.PartnerScope;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/** Registered partner systems: registration, client authentication, their pairings, their subscription. */
@Service
public class Partners {

    /** A registration's answer: the client secret is shown this once. */
    public record Registered(Partner partner, String clientSecret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final Pairings pairings;
    private final PartnerApiProperties properties;
    private final Clock clock;
    private final PasswordEncoder secrets = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    Partners(ReactiveMongoTemplate mongo, Pairings pairings, PartnerApiProperties properties, Clock clock) {
        this.mongo = mongo;
        this.pairings = pairings;
        this.properties = properties;
        this.clock = clock;
    }

    /** Registers a partner system and makes its client secret. */
    public Mono<Registered> register(String partnerId, String name, String regionCode, Integer requestsPerSecond) {
        new PartnerScope(regionCode);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        int limit = requestsPerSecond == null ? properties.defaultRequestsPerSecond() : requestsPerSecond;
        return Mono.fromCallable(() -> secrets.encode(secret)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> mongo.insert(new Partner(partnerId, name, regionCode, hash, limit, null, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> new RuleBroken("partnerId", "is registered already"))
                .map(partner -> new Registered(partner, secret));
    }

    public Mono<Partner> find(String partnerId) {
        return mongo.findById(partnerId, Partner.class).switchIfEmpty(Mono.error(() -> new NotFoundException("no partner " + partnerId)));
    }

    public Flux<Partner> list() {
        return mongo.findAll(Partner.class);
    }

    /** The partner whose client ID and secret these are, or empty. */
    public Mono<Partner> authenticate(String clientId, String clientSecret) {
        return mongo.findById(clientId, Partner.class)
                .filterWhen(partner -> Mono.fromCallable(() -> secrets.matches(clientSecret, partner.secretHash()))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    /** The partner's pairings at every level. */
    public Flux<Pairing> pairingsOf(Partner partner) {
        return mongo.find(Query.query(Criteria.where("east.code").regex("^" + Pattern.quote(partner.scope().prefix())))
                .with(Sort.by("pairingId")), Pairing.class);
    }

    /** The pairing if it is the partner's; another partner's answers exactly as a pairing that does not exist. */
    public Mono<Pairing> pairingOf(Partner partner, String pairingId) {
        return pairings.find(pairingId).filter(pairing -> partner.scope().covers(pairing.east().code()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no pairing " + pairingId)));
    }

    public Mono<Partner> subscribe(String partnerId, URI callbackUrl, Set<String> eventTypes) {
        return find(partnerId).flatMap(partner -> mongo.save(partner.withSubscription(
                new Partner.Subscription(callbackUrl, Set.copyOf(eventTypes), clock.instant()))));
    }

    public Mono<Partner> unsubscribe(String partnerId) {
        return find(partnerId).flatMap(partner -> mongo.save(partner.withSubscription(null)));
    }

    /** Partners with a subscription (few: one per eastern region's system). */
    public Flux<Partner> subscribed() {
        return mongo.find(Query.query(Criteria.where("subscription").ne(null)), Partner.class);
    }
}
