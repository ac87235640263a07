package cn.fpr.consultation.feed;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/**
 * An event as the live feed keeps it: in one order for every instance of the service (its
 * sequence number), with the regions it concerns.
 *
 * @param eventId the CloudEvents ID, also the SSE event ID
 * @param seq     its place in the feed
 * @param data    the event's JSON payload
 */
@Document("feed")
public record FeedEntry(@Id String eventId, @Indexed(unique = true) long seq, String type, String source, String subject, Instant time,
                        String provinceCode, String countyCode, String townshipCode, String data) {

    /** Whether the entry passes a subscriber's filters (no region codes or types: everything). */
    public boolean matches(Set<String> regionCodes, Set<String> types) {
        boolean region = regionCodes.isEmpty() || regionCodes.contains(provinceCode) || regionCodes.contains(countyCode)
                || regionCodes.contains(townshipCode);
        return region && (types.isEmpty() || types.contains(type));
    }
}
