package cn.fpr.industry.project;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A county's industry-share shortfall announced on a day (once a day at most). */
@Document("share_announcements")
public class ShareAnnouncement extends AggregateRoot {

    @Id
    private String id;

    @PersistenceCreator
    ShareAnnouncement() {
    }

    ShareAnnouncement(String id, EventEnvelope<?> shortfall) {
        this.id = id;
        raise(shortfall);
    }
}
