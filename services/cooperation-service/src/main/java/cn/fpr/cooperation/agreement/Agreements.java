package cn.fpr.cooperation.agreement;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.cooperation.agreement.model.Grade;
import cn.fpr.cooperation.agreement.model.Indicator;
import cn.fpr.cooperation.agreement.model.Progress;
import cn.fpr.cooperation.agreement.model.YearOnYear;
import cn.fpr.cooperation.pairing.Pairings;
import cn.fpr.cooperation.transfer.LabourTransfers;
import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Annual agreements: signing, facts, progress by month, the year-on-year rule and the grade. */
@Service
public class Agreements {

    /** Progress as of the end of a month. */
    public record ProgressReport(String pairingId, int year, YearMonth asOf, Map<Indicator, Progress.Line> lines, BigDecimal overall) {
    }

    /** The year's assessment. */
    public record Assessment(String pairingId, int year, BigDecimal overall, List<YearOnYear.Decline> declines, Grade grade) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Pairings pairings;
    private final LabourTransfers transfers;
    private final AggregateChanges changes;
    private final AgreementProperties properties;
    private final Events events;
    private final Clock clock;

    Agreements(ReactiveMongoTemplate mongo, Pairings pairings, LabourTransfers transfers, AggregateChanges changes,
               AgreementProperties properties, Events events, Clock clock) {
        this.mongo = mongo;
        this.pairings = pairings;
        this.transfers = transfers;
        this.changes = changes;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Agreement> sign(String pairingId, int year, Map<Indicator, BigDecimal> targets, List<Agreement.Task> tasks) {
        return pairings.find(pairingId).flatMap(pairing -> Correlation.id().flatMap(correlationId ->
                changes.create(new Agreement(pairingId, pairing.eastProvinceCode(), pairing.westProvinceCode(), year, targets, tasks,
                                LocalDate.now(clock), event -> events.envelope(event, correlationId)))
                        .onErrorMap(DuplicateKeyException.class, e -> new RuleBroken("year", "the " + year + " agreement is signed already"))));
    }

    public Mono<Agreement> find(String pairingId, int year) {
        return mongo.findById(Agreement.idOf(pairingId, year), Agreement.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no " + year + " agreement for " + pairingId)));
    }

    public <R> Mono<R> change(String pairingId, int year, BiFunction<Agreement, Function<DomainEvent, EventEnvelope<?>>, R> change) {
        return changes.change(Agreement.class, Agreement.idOf(pairingId, year),
                () -> new NotFoundException("no " + year + " agreement for " + pairingId),
                (agreement, correlationId) -> change.apply(agreement, event -> events.envelope(event, correlationId)));
    }

    /** The agreement after an entry, and whether the entry was recorded now (false: its reference was recorded before). */
    public record Recorded(Agreement agreement, boolean isNew) {
    }

    /** Records an entry against the year's agreement, once per reference. */
    public Mono<Recorded> record(String pairingId, int year, AgreementEntry entry) {
        return change(pairingId, year, (agreement, envelope) -> new Recorded(agreement, entry.recordIn(agreement, pairingId, envelope)));
    }

    /** Progress against every target from the facts recorded up to the end of the month. */
    public Mono<ProgressReport> progress(String pairingId, int year, YearMonth asOf) {
        return find(pairingId, year).flatMap(agreement -> achieved(agreement, asOf.atEndOfMonth()).map(achieved -> {
            Map<Indicator, Progress.Line> lines = Progress.of(agreement.targets(), achieved);
            return new ProgressReport(pairingId, year, asOf, lines, Progress.overall(lines));
        }));
    }

    /** The grade of the year, with the year-on-year check against the year before's agreement. */
    public Mono<Assessment> assess(String pairingId, int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return Mono.zip(progress(pairingId, year, YearMonth.of(year, 12)), previousAchieved(pairingId, year),
                        find(pairingId, year).flatMap(agreement -> achieved(agreement, yearEnd)))
                .map(all -> {
                    List<YearOnYear.Decline> declines = YearOnYear.declines(all.getT2(), all.getT3());
                    return new Assessment(pairingId, year, all.getT1().overall(), declines,
                            Grade.assess(all.getT1().overall(), declines, properties.assessment()));
                });
    }

    /** Checks the year-on-year rule now and announces each new decline (pairing-decline-detected). */
    public Mono<Integer> announceDeclines(String pairingId, int year) {
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(previousAchieved(pairingId, year), find(pairingId, year).flatMap(agreement -> achieved(agreement, today)))
                .flatMap(both -> change(pairingId, year, (agreement, envelope) ->
                        agreement.announceDeclines(both.getT1(), both.getT2(), today, envelope)));
    }

    private Mono<Map<Indicator, BigDecimal>> previousAchieved(String pairingId, int year) {
        return mongo.findById(Agreement.idOf(pairingId, year - 1), Agreement.class)
                .flatMap(previous -> achieved(previous, LocalDate.of(year - 1, 12, 31)))
                .defaultIfEmpty(Map.of());
    }

    /** Facts recorded, plus the people placed under the pairing (from employment's job-placed). */
    private Mono<Map<Indicator, BigDecimal>> achieved(Agreement agreement, LocalDate upTo) {
        return transfers.transferred(agreement.pairingId(), agreement.year(), upTo).map(placed -> {
            Map<Indicator, BigDecimal> achieved = new EnumMap<>(Indicator.class);
            achieved.putAll(agreement.achieved(upTo));
            achieved.merge(Indicator.LABOUR_TRANSFERRED, BigDecimal.valueOf(placed), BigDecimal::add);
            return achieved;
        });
    }
}
