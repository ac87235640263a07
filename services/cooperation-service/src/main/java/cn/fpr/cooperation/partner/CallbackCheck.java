package cn.fpr.cooperation.partner;

import cn.fpr.cooperation.partner.model.CallbackAddresses;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/** Checks a callback address where it is subscribed and again before each call (its name may resolve elsewhere by then). */
@Component
public class CallbackCheck {

    private final boolean allowPrivate;

    CallbackCheck(PartnerApiProperties properties) {
        this.allowPrivate = properties.allowPrivateCallbacks();
    }

    /** Why notifications may not go to the address, or empty when they may. */
    public Mono<String> refusal(URI callback) {
        return Mono.fromCallable(() -> {
            List<InetAddress> resolved;
            try {
                resolved = callback.getHost() == null ? List.of() : List.of(InetAddress.getAllByName(callback.getHost()));
            } catch (UnknownHostException e) {
                resolved = List.of();
            }
            return CallbackAddresses.refusal(callback, resolved, allowPrivate);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
