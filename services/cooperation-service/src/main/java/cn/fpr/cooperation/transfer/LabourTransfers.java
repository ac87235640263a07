package cn.fpr.cooperation.transfer;

import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.cooperation.transfer.model.LabourTransferCredit;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

/** Counts east–west labour transfers per pairing from employment's placements; keyed by placement, so counted once. */
@Service
public class LabourTransfers {

    /** Progress of a pairing's labour transfer: placements made, and those still in work. */
    public record Progress(String pairingId, long transferred, long inWork) {
    }

    private final ReactiveMongoTemplate mongo;

    LabourTransfers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> apply(LabourEvent event) {
        if (event instanceof JobPlaced placed) {
            return LabourTransferCredit.pairingCredited(placed)
                    .map(pairing -> upsert(placed.placementId(), new Update()
                            .set("pairingId", pairing)
                            .set("householdId", placed.householdId())
                            .set("workRegionCode", placed.workRegionCode())
                            .set("startDate", placed.startDate())
                            .setOnInsert("ended", false)))
                    .orElse(Mono.empty());
        }
        if (event instanceof JobLost lost) {
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(lost.placementId())),
                    Update.update("ended", true), LabourTransfer.class).then();
        }
        return Mono.empty();
    }

    public Mono<Progress> progress(String pairingId) {
        Query all = Query.query(Criteria.where("pairingId").is(pairingId));
        Query inWork = Query.query(Criteria.where("pairingId").is(pairingId).and("ended").is(false));
        return Mono.zip(mongo.count(all, LabourTransfer.class), mongo.count(inWork, LabourTransfer.class))
                .map(counts -> new Progress(pairingId, counts.getT1(), counts.getT2()));
    }

    /** People placed under the pairing in the year up to a day: the agreement's labour transferred. */
    public Mono<Long> transferred(String pairingId, int year, LocalDate upTo) {
        Query query = Query.query(Criteria.where("pairingId").is(pairingId)
                .and("startDate").gte(LocalDate.of(year, 1, 1)).lte(upTo));
        return mongo.count(query, LabourTransfer.class);
    }

    private Mono<Void> upsert(String placementId, Update update) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(placementId)), update, LabourTransfer.class).then();
    }
}
