package cn.fpr.platform.testapp;

import cn.fpr.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** Consumer side: the placements applied to a household, exactly once each. */
@Document("tallies")
public class Tally extends AggregateRoot {

    @Id
    private String householdId;
    private List<String> placementIds = new ArrayList<>();

    public Tally(String householdId) {
        this.householdId = householdId;
    }

    public void apply(String eventId, String placementId) {
        placementIds.add(placementId);
        markApplied(eventId);
    }

    public List<String> placementIds() {
        return placementIds;
    }
}
