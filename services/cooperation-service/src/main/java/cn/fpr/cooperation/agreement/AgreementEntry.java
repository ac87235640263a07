package cn.fpr.cooperation.agreement;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.cooperation.agreement.model.Indicator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Something recorded against a year's agreement, whether a county office enters it or a partner
 * system submits it. Each carries its own reference, under which it is recorded once.
 */
public sealed interface AgreementEntry {

    /** The entry kinds by the names partners use in a submission's {@code type}. */
    Map<String, Class<? extends AgreementEntry>> KINDS = Map.of(
            "fund-transfer", FundTransfer.class, "dispatch", Dispatch.class, "purchase", Purchase.class,
            "labour-offer", LabourOffer.class, "fact", OtherFact.class);

    /** The submitter's reference; an entry with a reference already recorded has no second effect. */
    String reference();

    /** Records the entry; true when recorded now, false when its reference was recorded before. */
    boolean recordIn(Agreement agreement, String pairingId, Function<DomainEvent, EventEnvelope<?>> envelope);

    /** A fiscal aid transfer to a western county (funds-allocated; industry funds projects from it). */
    record FundTransfer(@NotBlank @Size(max = 64) String reference, @NotNull @Pattern(regexp = "\\d{6}") String receivingCountyCode,
                        @NotNull @Positive BigDecimal amountYuan, @NotBlank @Size(max = 500) String purpose, @NotNull LocalDate on)
            implements AgreementEntry {

        @Override
        public boolean recordIn(Agreement agreement, String pairingId, Function<DomainEvent, EventEnvelope<?>> envelope) {
            return agreement.transferFunds(reference, receivingCountyCode, amountYuan, purpose, on, envelope);
        }
    }

    /** Cadres or professionals sent either way (cadre-dispatched). */
    record Dispatch(@NotBlank @Size(max = 64) String reference, boolean eastToWest, boolean professionals, @Positive int people,
                    @NotNull LocalDate on) implements AgreementEntry {

        @Override
        public boolean recordIn(Agreement agreement, String pairingId, Function<DomainEvent, EventEnvelope<?>> envelope) {
            return agreement.dispatch(reference, eastToWest, professionals, people, on, envelope);
        }
    }

    /** Consumption assistance (consumption-purchase-recorded). */
    record Purchase(@NotBlank @Size(max = 64) String reference, @NotBlank @Size(max = 200) String buyer,
                    @NotBlank @Size(max = 200) String product, @NotNull @Positive BigDecimal amountYuan, @NotNull LocalDate on)
            implements AgreementEntry {

        @Override
        public boolean recordIn(Agreement agreement, String pairingId, Function<DomainEvent, EventEnvelope<?>> envelope) {
            return agreement.purchase(reference, buyer, product, amountYuan, on, envelope);
        }
    }

    /** An eastern employer's offer (labour-offer-posted; the employment service lists it). Its reference is the offer ID. */
    record LabourOffer(@NotBlank @Size(max = 64) String offerId, @NotBlank @Size(max = 200) String employer,
                       @NotNull @Pattern(regexp = "\\d{6}") String workRegionCode, @Positive int positions,
                       @NotNull @Positive BigDecimal monthlyWageYuan, List<@NotBlank String> skillsRequired,
                       @NotNull LocalDate validUntil) implements AgreementEntry {

        @Override
        public String reference() {
            return offerId;
        }

        @Override
        public boolean recordIn(Agreement agreement, String pairingId, Function<DomainEvent, EventEnvelope<?>> envelope) {
            return agreement.postLabourOffer(new LabourOfferPosted(offerId, pairingId, employer, workRegionCode, positions,
                    monthlyWageYuan, skillsRequired == null ? List.of() : skillsRequired, validUntil), envelope);
        }
    }

    /** Any other fact toward an indicator (projects, enterprises, investment, parks, workshops, sales, labour to the east). */
    record OtherFact(@NotBlank @Size(max = 64) String reference, @NotNull Indicator indicator, @NotNull @Positive BigDecimal amount,
                     @NotNull LocalDate on, @Size(max = 500) String detail) implements AgreementEntry {

        @Override
        public boolean recordIn(Agreement agreement, String pairingId, Function<DomainEvent, EventEnvelope<?>> envelope) {
            return agreement.recordFact(new Agreement.Fact(reference, indicator, amount, on, detail));
        }
    }
}
