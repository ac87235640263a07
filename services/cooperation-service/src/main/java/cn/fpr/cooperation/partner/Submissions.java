package cn.fpr.cooperation.partner;

import cn.fpr.cooperation.agreement.AgreementEntry;
import cn.fpr.cooperation.agreement.Agreements;
import cn.fpr.cooperation.partner.PartnerSubmission.Answer;
import cn.fpr.cooperation.partner.PartnerSubmission.FieldProblem;
import cn.fpr.cooperation.partner.PartnerSubmission.ItemResult;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.web.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Partners' submissions: each item recorded against its pairing's agreement, each answered on its
 * own, and the whole answer kept under the partner's message ID. A retry of a message gets the
 * first answer and records nothing again; items are also recorded once by their own references, so
 * a submission whose answer was lost in a crash is safely taken up again.
 */
@Service
public class Submissions {

    /** A submission being answered now was received this long ago at most; older, it is taken up again. */
    static final Duration TAKE_OVER_AFTER = Duration.ofMinutes(2);

    /** An answer, and whether it is the first answer given again. */
    public record Outcome(Answer answer, boolean replayed) {
    }

    /** The same message is being answered by another request. */
    public static final class InProgress extends RuntimeException {
        InProgress(String messageId) {
            super("message " + messageId + " is being recorded; retry shortly for its answer");
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Partners partners;
    private final Agreements agreements;
    private final Validator validator;
    private final JsonMapper json;
    /** Receipt times and the take-over wait are real time: transport, not policy (and not sped up in a demonstration). */
    private final Clock clock = Clock.systemUTC();

    Submissions(ReactiveMongoTemplate mongo, Partners partners, Agreements agreements, Validator validator, JsonMapper json) {
        this.mongo = mongo;
        this.partners = partners;
        this.agreements = agreements;
        this.validator = validator;
        this.json = json;
    }

    public Mono<Outcome> submit(Partner partner, String messageId, Instant messageTs, List<JsonNode> items) {
        String digest = digest(items);
        // as the store keeps it (milliseconds), so that a retry's answer is the first one to the byte
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = PartnerSubmission.idOf(partner.partnerId(), messageId);
        PartnerSubmission received = new PartnerSubmission(id, partner.partnerId(), messageId, messageTs, digest,
                PartnerSubmission.State.RECEIVED, now, null);
        return mongo.insert(received)
                .flatMap(claimed -> answer(partner, claimed, items))
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(id, PartnerSubmission.class)
                        // gone again: the first request failed part-way and forgot it; this retry may start afresh
                        .switchIfEmpty(Mono.error(() -> new InProgress(messageId)))
                        .flatMap(earlier -> earlier(partner, earlier, digest, items)));
    }

    public Mono<Answer> find(Partner partner, String messageId) {
        return mongo.findById(PartnerSubmission.idOf(partner.partnerId(), messageId), PartnerSubmission.class)
                .filter(submission -> submission.answer() != null)
                .map(PartnerSubmission::answer)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no answered submission " + messageId)));
    }

    private Mono<Outcome> earlier(Partner partner, PartnerSubmission earlier, String digest, List<JsonNode> items) {
        if (!earlier.bodyDigest().equals(digest)) {
            return Mono.error(new RuleBroken("messageId", "was used before for a submission with other items"));
        }
        if (earlier.state() == PartnerSubmission.State.ANSWERED) {
            return Mono.just(new Outcome(earlier.answer(), true));
        }
        // received but never answered (its request was cut off): take it up once it is old enough
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Query stale = Query.query(Criteria.where("_id").is(earlier.id()).and("state").is(PartnerSubmission.State.RECEIVED)
                .and("receivedAt").lte(now.minus(TAKE_OVER_AFTER)));
        return mongo.findAndModify(stale, new Update().set("receivedAt", now), FindAndModifyOptions.options().returnNew(true),
                        PartnerSubmission.class)
                .switchIfEmpty(Mono.error(() -> new InProgress(earlier.messageId())))
                .flatMap(claimed -> answer(partner, claimed, items));
    }

    private Mono<Outcome> answer(Partner partner, PartnerSubmission submission, List<JsonNode> items) {
        return Flux.fromStream(IntStream.range(0, items.size()).boxed())
                .concatMap(index -> item(partner, index, items.get(index)))
                .collectList()
                .map(results -> new Answer(submission.messageId(), submission.receivedAt(), count(results, 201), count(results, 200),
                        results.size() - count(results, 201) - count(results, 200), results))
                .flatMap(answer -> mongo.findAndModify(Query.query(Criteria.where("_id").is(submission.id())),
                                new Update().set("state", PartnerSubmission.State.ANSWERED).set("answer", answer),
                                PartnerSubmission.class)
                        .thenReturn(new Outcome(answer, false)))
                // the store failed part-way: forget the message so that its retry is answered afresh
                .onErrorResume(e -> mongo.remove(Query.query(Criteria.where("_id").is(submission.id())
                        .and("state").is(PartnerSubmission.State.RECEIVED)), PartnerSubmission.class).then(Mono.error(e)));
    }

    private Mono<ItemResult> item(Partner partner, int index, JsonNode node) {
        if (!node.isObject()) {
            return Mono.just(invalid(index, null, null, null, null, List.of(new FieldProblem("item", "must be an object"))));
        }
        String type = text(node, "type");
        String pairingId = text(node, "pairingId");
        Integer year = node.path("year").isInt() ? node.path("year").intValue() : null;
        Class<? extends AgreementEntry> kind = type == null ? null : AgreementEntry.KINDS.get(type);
        if (kind == null || pairingId == null || year == null) {
            List<FieldProblem> errors = new ArrayList<>();
            if (kind == null) {
                errors.add(new FieldProblem("type", "must be one of " + AgreementEntry.KINDS.keySet().stream().sorted().toList()));
            }
            if (pairingId == null) {
                errors.add(new FieldProblem("pairingId", "must not be blank"));
            }
            if (year == null) {
                errors.add(new FieldProblem("year", "must be a year"));
            }
            return Mono.just(invalid(index, type, pairingId, year, null, errors));
        }
        AgreementEntry entry;
        try {
            ObjectNode fields = ((ObjectNode) node).deepCopy();
            fields.remove(List.of("type", "pairingId", "year"));
            entry = json.treeToValue(fields, kind);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Mono.just(invalid(index, type, pairingId, year, null,
                    List.of(new FieldProblem(field.isEmpty() ? "item" : field, "missing or not of the expected type"))));
        }
        Set<ConstraintViolation<AgreementEntry>> violations = validator.validate(entry);
        if (!violations.isEmpty()) {
            return Mono.just(invalid(index, type, pairingId, year, entry.reference(), violations.stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field)).toList()));
        }
        return partners.pairingOf(partner, pairingId)
                .flatMap(pairing -> agreements.record(pairingId, year, entry))
                .map(recorded -> result(index, type, pairingId, year, entry.reference(), recorded.isNew() ? 201 : 200,
                        recorded.isNew() ? "recorded" : "recorded before under this reference", List.of()))
                .onErrorResume(NotFoundException.class, e -> Mono.just(result(index, type, pairingId, year, entry.reference(), 404,
                        e.getMessage(), List.of())))
                .onErrorResume(RuleBroken.class, e -> Mono.just(result(index, type, pairingId, year, entry.reference(), 422,
                        e.field() + ": " + e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())))))
                .onErrorResume(OptimisticLockingFailureException.class, e -> Mono.just(result(index, type, pairingId, year,
                        entry.reference(), 409, "the agreement kept changing; submit the item again", List.of())));
    }

    private static ItemResult invalid(int index, String type, String pairingId, Integer year, String reference, List<FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return result(index, type, pairingId, year, reference, 400, detail, errors);
    }

    private static ItemResult result(int index, String type, String pairingId, Integer year, String reference, int status, String detail,
                                     List<FieldProblem> errors) {
        return new ItemResult(index, type, pairingId, year, reference, status, detail, errors);
    }

    private static int count(List<ItemResult> results, int status) {
        return (int) results.stream().filter(result -> result.status() == status).count();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    private String digest(List<JsonNode> items) {
        try {
            byte[] body = json.writeValueAsString(items).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
