package cn.fpr.cooperation.partner;

import cn.fpr.cooperation.partner.model.PartnerScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A registered partner system of an eastern region: its client credentials (the secret only as a
 * one-way hash), its region, its request limit and its subscription to notifications.
 *
 * @param partnerId          also the OAuth2 client ID
 * @param name               the system's name, e.g. "Guangdong east–west cooperation platform"
 * @param regionCode         the eastern region whose pairings it may see and change
 * @param secretHash         the client secret, hashed (never stored or shown in clear after registration)
 * @param requestsPerSecond  its rate limit
 * @param subscription       where and what it is notified of; null when it has not subscribed
 * @param registeredAt       when it was registered
 */
@Document("partners")
public record Partner(@Id String partnerId, String name, String regionCode, String secretHash, int requestsPerSecond,
                      Subscription subscription, Instant registeredAt) {

    /**
     * A subscription to events concerning the partner's pairings.
     *
     * @param callbackUrl where notifications are POSTed
     * @param eventTypes  the event types wanted (empty: all of them)
     * @param since       events that happened before this are not sent
     */
    public record Subscription(URI callbackUrl, Set<String> eventTypes, Instant since) {

        public boolean wants(String eventType, Instant happenedAt) {
            return (eventTypes.isEmpty() || eventTypes.contains(eventType)) && !happenedAt.isBefore(since);
        }
    }

    public PartnerScope scope() {
        return new PartnerScope(regionCode);
    }

    Partner withSubscription(Subscription changed) {
        return new Partner(partnerId, name, regionCode, secretHash, requestsPerSecond, changed, registeredAt);
    }
}
