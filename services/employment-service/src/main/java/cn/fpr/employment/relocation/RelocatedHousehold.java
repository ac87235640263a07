package cn.fpr.employment.relocation;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.employment.relocation.model.RelocatedHouseholdState;
import cn.fpr.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/** A household moved to a relocation site, and who of it is in work. */
@Document("relocated_households")
public class RelocatedHousehold extends AggregateRoot {

    @Id
    private String householdId;
    @Indexed
    private String siteId;
    private String countyCode;
    private Set<String> labourMembers = new HashSet<>();
    private Set<String> employedMembers = new HashSet<>();
    private LocalDate zeroEmploymentSince;

    @PersistenceCreator
    RelocatedHousehold() {
    }

    public RelocatedHousehold(String householdId, String siteId, String countyCode, Set<String> labourMembers,
                              Set<String> employedMembers, LocalDate today,
                              Function<LabourEvent, EventEnvelope<? extends LabourEvent>> envelope) {
        this.householdId = householdId;
        this.siteId = siteId;
        this.countyCode = countyCode;
        this.labourMembers = new HashSet<>(labourMembers);
        this.employedMembers = new HashSet<>(employedMembers);
        if (state().zeroEmployment()) {
            announce(today, envelope);
        }
    }

    /** A member started or stopped work; a household left with nobody in work is announced at once. */
    public void employment(String memberId, boolean employed, LocalDate today,
                           Function<LabourEvent, EventEnvelope<? extends LabourEvent>> envelope) {
        RelocatedHouseholdState before = state();
        if (employed) {
            employedMembers.add(memberId);
        } else {
            employedMembers.remove(memberId);
        }
        switch (RelocatedHouseholdState.transition(before, state())) {
            case BECAME_ZERO_EMPLOYMENT -> announce(today, envelope);
            case SOMEONE_IN_WORK_AGAIN -> zeroEmploymentSince = null;
            case UNCHANGED -> { }
        }
    }

    private void announce(LocalDate today, Function<LabourEvent, EventEnvelope<? extends LabourEvent>> envelope) {
        zeroEmploymentSince = today;
        raise(envelope.apply(new ZeroEmploymentHouseholdDetected(householdId, siteId, countyCode, labourMembers.size(), today)));
    }

    public RelocatedHouseholdState state() {
        return new RelocatedHouseholdState(Set.copyOf(labourMembers), Set.copyOf(employedMembers));
    }

    public String householdId() {
        return householdId;
    }

    public String siteId() {
        return siteId;
    }

    public Set<String> labourMembers() {
        return Set.copyOf(labourMembers);
    }

    public Set<String> employedMembers() {
        return Set.copyOf(employedMembers);
    }

    public LocalDate zeroEmploymentSince() {
        return zeroEmploymentSince;
    }
}
