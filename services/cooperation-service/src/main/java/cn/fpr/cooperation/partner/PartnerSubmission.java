package cn.fpr.cooperation.partner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A partner's submission under its message ID: what was received (as a digest) and the answer
 * given, so that a retry of the same message gets the same answer and records nothing twice.
 *
 * @param id          partner ID and message ID
 * @param bodyDigest  SHA-256 of the submitted items; the same message ID with other items is refused
 * @param state       RECEIVED while its items are being recorded, ANSWERED once the answer is kept
 * @param answer      the answer, once given
 */
@Document("partner_submissions")
public record PartnerSubmission(@Id String id, String partnerId, String messageId, Instant messageTs, String bodyDigest, State state,
                                Instant receivedAt, Answer answer) {

    public enum State { RECEIVED, ANSWERED }

    /** The answer to a submission: one result per item, in order. */
    public record Answer(String messageId, Instant receivedAt, int recorded, int alreadyRecorded, int rejected, List<ItemResult> items) {
    }

    /**
     * One item's outcome. {@code status} is as HTTP would say it for the item alone: 201 recorded,
     * 200 recorded before under its reference, 400 invalid, 404 no such pairing or agreement of
     * this partner, 409 changed concurrently, 422 against a rule.
     */
    public record ItemResult(int index, String type, String pairingId, Integer year, String reference, int status, String detail,
                             List<FieldProblem> errors) {
    }

    public record FieldProblem(String field, String message) {
    }

    static String idOf(String partnerId, String messageId) {
        return partnerId + ":" + messageId;
    }
}
