package cn.fpr.platform.testapp;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** Producer side: the placements recorded for a household; each one raises job-placed. */
@Document("ledgers")
public class Ledger extends AggregateRoot {

    @Id
    private String householdId;
    private List<String> placementIds = new ArrayList<>();

    public Ledger(String householdId) {
        this.householdId = householdId;
    }

    public void place(EventEnvelope<JobPlaced> placed) {
        placementIds.add(placed.data().placementId());
        raise(placed);
    }

    public String householdId() {
        return householdId;
    }

    public List<String> placementIds() {
        return placementIds;
    }
}
