package cn.fpr.platform.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * One audited action: who did what to which object, when (on the service's clock), in which
 * region, as part of which work (the correlation ID). Written once and never changed or removed.
 * Holds no personal data: subjects are object IDs, details are what was decided.
 *
 * @param actor  the caller's token subject (a system's client ID or a person's user name)
 * @param roles  the roles its token carried
 * @param action what was done: {@code case-step}, {@code early-assistance}, {@code project-decision},
 *               {@code threshold-set}, {@code partner-submission}, {@code dead-letter-replay}
 * @param region the division code of the object acted on, where it has one
 */
@Document(AuditTrail.COLLECTION)
public record AuditEntry(@Id String id, Instant at, String actor, List<String> roles, String action, String subject,
                         String region, String detail, String correlationId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The same entry about an object of this region (known only once the object is loaded). */
    public AuditEntry in(String regionCode) {
        return new AuditEntry(id, at, actor, roles, action, subject, regionCode, detail, correlationId);
    }

    /** As it waits in an aggregate's outbox. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static AuditEntry fromJson(String json) {
        return JSON.readValue(json, AuditEntry.class);
    }
}
