package cn.fpr.monitoring.household;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

public interface Households extends ReactiveCrudRepository<Household, String> {

    Mono<Boolean> existsByMembersIdHash(String idHash);
}
