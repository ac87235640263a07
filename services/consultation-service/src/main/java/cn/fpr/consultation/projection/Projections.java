package cn.fpr.consultation.projection;

import cn.fpr.consultation.projection.Rows.AgreementRow;
import cn.fpr.consultation.projection.Rows.CaseRow;
import cn.fpr.consultation.projection.Rows.FundAllocationRow;
import cn.fpr.consultation.projection.Rows.HouseholdRow;
import cn.fpr.consultation.projection.Rows.LoanRow;
import cn.fpr.consultation.projection.Rows.PairingFactRow;
import cn.fpr.consultation.projection.Rows.PlacementRow;
import cn.fpr.consultation.projection.Rows.ShortfallRow;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.county.IndustryShareShortfall;
import cn.fpr.contracts.household.CaseClosed;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdReassessed;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.Region;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.TrainingCompleted;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.pairing.AgreementSigned;
import cn.fpr.contracts.pairing.CadreDispatched;
import cn.fpr.contracts.pairing.ConsumptionPurchaseRecorded;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.contracts.pairing.PairingDeclineDetected;
import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.contracts.project.FundsAllocatedToProject;
import cn.fpr.contracts.project.ProjectApproved;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.contracts.support.DividendPaid;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies every event of every topic to the read models. Each event sets rows to what it says
 * (natural upserts keyed by case, placement, loan, fact or event ID), so a redelivered or
 * replayed event changes nothing further. Answers the region the event concerns, for the live feed.
 */
@Service
public class Projections {

    /** The region codes an event concerns; any may be null when unknown. */
    public record Where(String provinceCode, String countyCode, String townshipCode) {

        static final Where UNKNOWN = new Where(null, null, null);

        static Where of(Region region) {
            return new Where(region.provinceCode(), region.countyCode(), region.townshipCode());
        }

        static Where county(String countyCode) {
            return new Where(countyCode.substring(0, 2) + "0000", countyCode, null);
        }
    }

    private final ReactiveMongoTemplate mongo;

    Projections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The regions of the households that events of a poll name only to be placed on the feed (a
     * department's warning, a training, a dividend), read with one query; events that change a
     * household's region are not among them, so what is read stays true while the poll is applied.
     */
    public Mono<Map<String, Where>> placesOf(List<EventEnvelope<DomainEvent>> envelopes) {
        Set<String> households = new HashSet<>();
        for (EventEnvelope<DomainEvent> envelope : envelopes) {
            String household = placedOnly(envelope.data());
            if (household != null) {
                households.add(household);
            }
        }
        return households.isEmpty() ? Mono.just(Map.of())
                : mongo.find(Query.query(Criteria.where("_id").in(households)), HouseholdRow.class)
                .filter(row -> row.provinceCode() != null)
                .collectMap(HouseholdRow::householdId, row -> new Where(row.provinceCode(), row.countyCode(), row.townshipCode()));
    }

    /** The household an event names only to be placed on the feed, or null. */
    private static String placedOnly(DomainEvent event) {
        if (event instanceof DepartmentSignalReceived e) {
            return e.householdId();
        }
        if (event instanceof TrainingCompleted e) {
            return e.householdId();
        }
        if (event instanceof DividendPaid e) {
            return e.householdId();
        }
        return null;
    }

    /** Applies the event, with the regions of households already read for its poll ({@link #placesOf}). */
    public Mono<Where> apply(EventEnvelope<DomainEvent> envelope, Map<String, Where> places) {
        DomainEvent event = envelope.data();
        String placedOnly = placedOnly(event);
        if (placedOnly != null) {
            Where known = places.get(placedOnly);
            return known != null ? Mono.just(known) : whereHousehold(placedOnly);
        }
        if (event instanceof HouseholdRegistered e) {
            return household(e.householdId(), e.region(), new Update()
                        .set("labourMembers", e.labourMembers().size())
                        .set("registeredOn", e.registeredOn()));
        }
        if (event instanceof HouseholdFlagged e) {
            return household(e.householdId(), e.region(), new Update()
                        .set("status", HouseholdRow.MONITORED)
                        .set("category", e.category())
                        .set("riskTypes", e.riskTypes())
                        .set("perCapitaNetIncomeYuan", e.perCapitaNetIncomeYuan())
                        .set("labourMembers", e.labourMembers().size())
                        .set("flaggedOn", e.flaggedOn())
                        .unset("eliminatedOn"));
        }
        if (event instanceof HouseholdRiskEliminated e) {
            return household(e.householdId(), e.region(), new Update()
                        .set("status", HouseholdRow.RISK_ELIMINATED)
                        .set("perCapitaNetIncomeYuan", e.perCapitaNetIncomeYuan())
                        .set("eliminatedOn", e.eliminatedOn()));
        }
        if (event instanceof HouseholdReassessed e) {
            return household(e.householdId(), e.region(), new Update()
                        .set("perCapitaNetIncomeYuan", e.perCapitaNetIncomeYuan()));
        }
        if (event instanceof CaseOpened e) {
            return row(CaseRow.class, e.caseId(), e.region(), new Update()
                        .set("householdId", e.householdId()).set("kind", e.kind()).set("riskTypes", e.riskTypes())
                        .set("openedOn", e.openedOn()).set("dueOn", e.dueOn()));
        }
        if (event instanceof CaseOverdue e) {
            // the deadline that passed may be a single step's: the case keeps the 15-day deadline it was opened with
            return row(CaseRow.class, e.caseId(), e.region(), new Update()
                        .set("householdId", e.householdId()).set("kind", e.kind()).set("openedOn", e.openedOn())
                        .setOnInsert("dueOn", e.dueOn()).set("pendingStep", e.pendingStep()));
        }
        if (event instanceof CaseClosed e) {
            return row(CaseRow.class, e.caseId(), e.region(), new Update()
                        .set("householdId", e.householdId()).set("kind", e.kind()).set("closedOn", e.closedOn())
                        .set("outcome", e.outcome()));
        }
        if (event instanceof JobPlaced e) {
            return householdRow(PlacementRow.class, e.placementId(), e.householdId(), new Update()
                        .set("memberId", e.memberId()).set("channel", e.openingKind()).set("workRegionCode", e.workRegionCode())
                        .set("crossRegion", e.crossRegion()).set("pairingId", e.pairingId()).set("startDate", e.startDate()))
                        .flatMap(where -> zeroEmploymentResolved(e).thenReturn(where));
        }
        if (event instanceof JobLost e) {
            return householdRow(PlacementRow.class, e.placementId(), e.householdId(), new Update().set("lostOn", e.lostOn()));
        }
        if (event instanceof ZeroEmploymentHouseholdDetected e) {
            return mongo.upsert(byId(e.householdId()), new Update()
                                .set("zeroEmploymentSiteId", e.siteId())
                                .set("zeroEmploymentSince", e.detectedOn())
                                .set("zeroEmploymentLabour", e.labourMembers()), HouseholdRow.class)
                        .then(whereHousehold(e.householdId()))
                        .map(where -> where.countyCode() == null ? Where.county(e.countyCode()) : where);
        }
        if (event instanceof LoanIssued e) {
            return householdRow(LoanRow.class, e.loanId(), e.householdId(), new Update()
                        .set("amountYuan", e.amountYuan()).set("issuedOn", e.issuedOn()));
        }
        if (event instanceof LoanOverdue e) {
            return householdRow(LoanRow.class, e.loanId(), e.householdId(), new Update()
                        .set("overdueAmountYuan", e.overdueAmountYuan()).set("overdueSince", e.dueOn().plusDays(e.daysOverdue())));
        }
        if (event instanceof FundsAllocatedToProject e) {
            return mongo.save(new FundAllocationRow(envelope.id(), e.projectId(),
                                Where.county(e.countyCode()).provinceCode(), e.countyCode(), e.category(), e.source(), e.amountYuan(),
                                e.year(), e.allocatedOn()))
                        .thenReturn(Where.county(e.countyCode()));
        }
        if (event instanceof IndustryShareShortfall e) {
            return mongo.save(new ShortfallRow(e.countyCode() + ":" + e.year(),
                                Where.county(e.countyCode()).provinceCode(), e.countyCode(), e.year(), e.sharePercent(), e.minimumPercent(),
                                e.keyCounty(), e.announcedOn()))
                        .thenReturn(Where.county(e.countyCode()));
        }
        if (event instanceof AgreementSigned e) {
            return mongo.save(new AgreementRow(e.pairingId() + ":" + e.year(), e.pairingId(), e.eastProvinceCode(),
                                e.westProvinceCode(), e.year(), e.fiscalAidTargetYuan(), e.cadresTarget(), e.labourTransferTarget(),
                                e.consumptionTargetYuan()))
                        .thenReturn(new Where(e.westProvinceCode(), null, null));
        }
        if (event instanceof FundsAllocated e) {
            return fact(e, e.allocationId(), e.year(), PairingFactRow.FISCAL_AID, e.amountYuan(), e.allocatedOn())
                        .thenReturn(Where.county(e.receivingCountyCode()));
        }
        if (event instanceof CadreDispatched e) {
            return fact(e, e.dispatchId(), e.year(), PairingFactRow.CADRES, BigDecimal.valueOf(e.people()),
                        e.dispatchedOn()).then(westOf(e));
        }
        if (event instanceof ConsumptionPurchaseRecorded e) {
            return fact(e, e.purchaseId(), e.year(), PairingFactRow.CONSUMPTION, e.amountYuan(),
                        e.recordedOn()).then(westOf(e));
        }
        if (event instanceof ProjectApproved e) {
            return Mono.just(Where.county(e.countyCode()));
        }
        if (event instanceof LabourOfferPosted e) {
            return westOf(e);
        }
        if (event instanceof PairingDeclineDetected e) {
            return westOf(e);
        }
        return Mono.just(Where.UNKNOWN);
    }

    /** Sets the household's row, and fills its region into rows that arrived before it was known. */
    private Mono<Where> household(String householdId, Region region, Update update) {
        Where where = Where.of(region);
        Query unplaced = Query.query(Criteria.where("householdId").is(householdId).and("provinceCode").is(null));
        Update placed = new Update().set("provinceCode", where.provinceCode()).set("countyCode", where.countyCode())
                .set("townshipCode", where.townshipCode());
        return mongo.upsert(byId(householdId), withRegion(update, where), HouseholdRow.class)
                .then(mongo.updateMulti(unplaced, placed, PlacementRow.class))
                .then(mongo.updateMulti(unplaced, placed, LoanRow.class))
                .thenReturn(where);
    }

    private Mono<Where> row(Class<?> type, String id, Region region, Update update) {
        Where where = Where.of(region);
        return mongo.upsert(byId(id), withRegion(update, where), type).thenReturn(where);
    }

    /** A row about a household whose event carries no region: it takes the household's, if known. */
    private Mono<Where> householdRow(Class<?> type, String id, String householdId, Update update) {
        return whereHousehold(householdId).flatMap(where -> {
            update.set("householdId", householdId);
            if (where.provinceCode() != null) {
                return mongo.upsert(byId(id), withRegion(update, where), type).thenReturn(where);
            }
            // the household's region may have arrived (on its own topic) since it was read: look again once written
            return mongo.upsert(byId(id), update, type)
                    .then(whereHousehold(householdId))
                    .flatMap(now -> now.provinceCode() == null ? Mono.just(now)
                            : mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("provinceCode").is(null)),
                                    withRegion(new Update(), now), type).thenReturn(now));
        });
    }

    /** A placement ends the household's zero-employment state if it started on or after it was detected. */
    private Mono<Void> zeroEmploymentResolved(JobPlaced placed) {
        Query query = Query.query(Criteria.where("_id").is(placed.householdId()).and("zeroEmploymentSince").lte(placed.startDate()));
        return mongo.updateFirst(query, new Update().unset("zeroEmploymentSince").unset("zeroEmploymentSiteId")
                .unset("zeroEmploymentLabour"), HouseholdRow.class).then();
    }

    private Mono<PairingFactRow> fact(PairingEvent event, String reference, int year, String indicator, BigDecimal amount,
                                      LocalDate on) {
        // a reference is unique within its pairing's year (as cooperation records it)
        return mongo.save(new PairingFactRow(event.pairingId() + ":" + year + ":" + reference, event.pairingId(), year, indicator,
                amount, on));
    }

    private Mono<Where> westOf(PairingEvent event) {
        return mongo.findOne(Query.query(Criteria.where("pairingId").is(event.pairingId())), AgreementRow.class)
                .map(agreement -> new Where(agreement.westProvinceCode(), null, null))
                .defaultIfEmpty(Where.UNKNOWN);
    }

    private Mono<Where> whereHousehold(String householdId) {
        return mongo.findById(householdId, HouseholdRow.class)
                .map(row -> new Where(row.provinceCode(), row.countyCode(), row.townshipCode()))
                .defaultIfEmpty(Where.UNKNOWN);
    }

    private static Update withRegion(Update update, Where where) {
        return update.set("provinceCode", where.provinceCode()).set("countyCode", where.countyCode())
                .set("townshipCode", where.townshipCode());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
