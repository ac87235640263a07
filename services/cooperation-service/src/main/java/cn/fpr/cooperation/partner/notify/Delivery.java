package cn.fpr.cooperation.partner.notify;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One notification to one partner: the event (as a CloudEvents JSON document), its state, and
 * every attempt to deliver it.
 *
 * @param id            partner ID and event ID: an event is queued once per partner however often it is read
 * @param payload       the CloudEvents 1.0 structured-mode JSON POSTed to the callback
 * @param nextAttemptAt when it is due (again)
 * @param claimedUntil  an instance delivering it holds it until then
 */
@Document("partner_deliveries")
@CompoundIndex(name = "due", def = "{'partnerId': 1, 'state': 1, 'nextAttemptAt': 1}")
public record Delivery(@Id String id, String partnerId, String eventId, String eventType, String pairingId, String payload,
                       State state, Instant createdAt, Instant nextAttemptAt, Instant claimedUntil, List<Attempt> attempts) {

    public enum State { PENDING, DELIVERED, GIVEN_UP }

    /**
     * An attempt: when, how it ended (delivered, HTTP status, timed out, unreachable), how long it took.
     *
     * @param httpStatus the callback's status, or null when it did not answer
     */
    public record Attempt(Instant at, String outcome, Integer httpStatus, long millis) {
    }

    static String idOf(String partnerId, String eventId) {
        return partnerId + ":" + eventId;
    }
}
