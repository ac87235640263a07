package cn.fpr.cooperation.agreement;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.pairing.AgreementSigned;
import cn.fpr.contracts.pairing.CadreDispatched;
import cn.fpr.contracts.pairing.ConsumptionPurchaseRecorded;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.contracts.pairing.PairingDeclineDetected;
import cn.fpr.cooperation.agreement.model.Indicator;
import cn.fpr.cooperation.agreement.model.YearOnYear;
import cn.fpr.platform.outbox.AggregateRoot;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A pairing's annual agreement: targets and tasks, and the facts recorded against them. */
@Document("agreements")
public class Agreement extends AggregateRoot {

    /** A task of the agreement, with its owner and deadline. */
    public record Task(String taskId, String description, String owner, LocalDate deadline, boolean done) {
    }

    /** Something achieved, counted toward an indicator; once per reference. */
    public record Fact(String reference, Indicator indicator, BigDecimal amount, LocalDate on, String detail) {
    }

    @Id
    private String id;
    private String pairingId;
    private int year;
    private Map<Indicator, BigDecimal> targets = new EnumMap<>(Indicator.class);
    private List<Task> tasks = new ArrayList<>();
    private List<Fact> facts = new ArrayList<>();
    private List<String> labourOffers = new ArrayList<>();
    private Set<Indicator> declinesAnnounced = new HashSet<>();
    private LocalDate signedOn;

    @PersistenceCreator
    Agreement() {
    }

    public Agreement(String pairingId, String eastProvinceCode, String westProvinceCode, int year, Map<Indicator, BigDecimal> targets,
                     List<Task> tasks, LocalDate signedOn, Function<DomainEvent, EventEnvelope<?>> envelope) {
        this.id = idOf(pairingId, year);
        this.pairingId = pairingId;
        this.year = year;
        this.targets = new EnumMap<>(targets);
        this.tasks = new ArrayList<>(tasks);
        this.signedOn = signedOn;
        raise(envelope.apply(new AgreementSigned(id, pairingId, eastProvinceCode, westProvinceCode, year,
                target(Indicator.FISCAL_AID_YUAN), target(Indicator.CADRES_EXCHANGED).intValue(),
                target(Indicator.LABOUR_TRANSFERRED).intValue(), target(Indicator.CONSUMPTION_PURCHASES_YUAN), signedOn)));
    }

    public static String idOf(String pairingId, int year) {
        return pairingId + ":" + year;
    }

    /** A fiscal aid transfer to a western county: counted, and announced so industry can fund projects from it. */
    public boolean transferFunds(String reference, String receivingCountyCode, BigDecimal amount, String purpose, LocalDate on,
                                 Function<DomainEvent, EventEnvelope<?>> envelope) {
        boolean recorded = record(new Fact(reference, Indicator.FISCAL_AID_YUAN, amount, on, purpose + " → " + receivingCountyCode));
        if (recorded) {
            raise(envelope.apply(new FundsAllocated(reference, pairingId, receivingCountyCode, amount, purpose, year, on)));
        }
        return recorded;
    }

    public boolean dispatch(String reference, boolean eastToWest, boolean professionals, int people, LocalDate on,
                            Function<DomainEvent, EventEnvelope<?>> envelope) {
        Indicator indicator = professionals ? Indicator.PROFESSIONALS_EXCHANGED : Indicator.CADRES_EXCHANGED;
        boolean recorded = record(new Fact(reference, indicator, BigDecimal.valueOf(people), on, eastToWest ? "east to west" : "west to east"));
        if (recorded) {
            raise(envelope.apply(new CadreDispatched(reference, pairingId, eastToWest, professionals, people, year, on)));
        }
        return recorded;
    }

    public boolean purchase(String reference, String buyer, String product, BigDecimal amount, LocalDate on,
                            Function<DomainEvent, EventEnvelope<?>> envelope) {
        boolean recorded = record(new Fact(reference, Indicator.CONSUMPTION_PURCHASES_YUAN, amount, on, buyer + ": " + product));
        if (recorded) {
            raise(envelope.apply(new ConsumptionPurchaseRecorded(reference, pairingId, buyer, product, amount, year, on)));
        }
        return recorded;
    }

    /** An eastern employer's offer for people of the western region; the employment service lists it. */
    public boolean postLabourOffer(LabourOfferPosted offer, Function<DomainEvent, EventEnvelope<?>> envelope) {
        if (labourOffers.contains(offer.offerId())) {
            return false;
        }
        labourOffers.add(offer.offerId());
        raise(envelope.apply(offer));
        return true;
    }

    /** Any other fact (projects, enterprises, investment, parks, workshops, sales, labour to the east). */
    public boolean recordFact(Fact fact) {
        return record(fact);
    }

    public void completeTask(String taskId) {
        Task task = tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst()
                .orElseThrow(() -> new RuleBroken("taskId", "no task " + taskId + " in the agreement"));
        tasks.replaceAll(t -> t == task ? new Task(t.taskId(), t.description(), t.owner(), t.deadline(), true) : t);
    }

    /** Sums of the facts recorded up to a day, per indicator. */
    public Map<Indicator, BigDecimal> achieved(LocalDate upTo) {
        Map<Indicator, BigDecimal> achieved = new EnumMap<>(Indicator.class);
        facts.stream().filter(f -> !f.on().isAfter(upTo)).forEach(f -> achieved.merge(f.indicator(), f.amount(), BigDecimal::add));
        return achieved;
    }

    /** Announces each indicator that fell below the year before, once. */
    public int announceDeclines(Map<Indicator, BigDecimal> previousYear, Map<Indicator, BigDecimal> thisYear, LocalDate today,
                                Function<DomainEvent, EventEnvelope<?>> envelope) {
        int announced = 0;
        for (YearOnYear.Decline decline : YearOnYear.declines(previousYear, thisYear)) {
            if (declinesAnnounced.add(decline.indicator())) {
                raise(envelope.apply(new PairingDeclineDetected(pairingId, year, decline.indicator().name(), decline.previous(),
                        decline.current(), today)));
                announced++;
            }
        }
        return announced;
    }

    private boolean record(Fact fact) {
        if (fact.amount().signum() <= 0) {
            throw new RuleBroken("amount", "must be more than 0");
        }
        if (fact.on().getYear() != year) {
            throw new RuleBroken("on", "the agreement is for " + year);
        }
        Fact earlier = facts.stream().filter(f -> f.reference().equals(fact.reference())).findFirst().orElse(null);
        if (earlier != null) {
            if (earlier.indicator() != fact.indicator() || earlier.amount().compareTo(fact.amount()) != 0 || !earlier.on().equals(fact.on())) {
                throw new RuleBroken("reference", fact.reference() + " was recorded before with other content");
            }
            return false;
        }
        facts.add(fact);
        return true;
    }

    private BigDecimal target(Indicator indicator) {
        return targets.getOrDefault(indicator, BigDecimal.ZERO);
    }

    public String id() { return id; }
    public String pairingId() { return pairingId; }
    public int year() { return year; }
    public Map<Indicator, BigDecimal> targets() { return Map.copyOf(targets); }
    public List<Task> tasks() { return List.copyOf(tasks); }
    public List<Fact> facts() { return List.copyOf(facts); }
    public LocalDate signedOn() { return signedOn; }
}
