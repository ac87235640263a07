package cn.fpr.employment.opening;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.employment.opening.model.EmploymentPolicy;
import cn.fpr.employment.opening.model.OpeningTerms;
import cn.fpr.employment.opening.model.PlacementRules;
import cn.fpr.employment.opening.model.WorkshopType;
import cn.fpr.employment.seeker.JobSeeker;
import cn.fpr.platform.outbox.AggregateRoot;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An opening of any kind with the people placed in it. Placements and the events they cause are
 * saved with the opening in one write, guarded by its version: two requests racing for the last
 * place cannot both win.
 */
@Document("openings")
public class Opening extends AggregateRoot {

    @Id
    private String id;
    private OpeningKind kind;
    private String employer;
    @Indexed
    private String workCountyCode;
    private int capacity;
    private List<String> skillsRequired = new ArrayList<>();
    private BigDecimal monthlyWageYuan;
    private WorkshopType workshopType;
    private Boolean accidentInsurance;
    private BigDecimal centralFundsYuan;
    private BigDecimal labourPayYuan;
    private String pairingId;
    private LocalDate validUntil;
    private List<Placement> placements = new ArrayList<>();

    @PersistenceCreator
    Opening() {
    }

    public Opening(String id, OpeningKind kind, String employer, String workCountyCode, int capacity, List<String> skillsRequired,
                   BigDecimal monthlyWageYuan, WorkshopType workshopType, Boolean accidentInsurance, BigDecimal centralFundsYuan,
                   BigDecimal labourPayYuan, String pairingId, LocalDate validUntil) {
        this.id = id;
        this.kind = kind;
        this.employer = employer;
        this.workCountyCode = workCountyCode;
        this.capacity = capacity;
        this.skillsRequired = List.copyOf(skillsRequired);
        this.monthlyWageYuan = monthlyWageYuan;
        this.workshopType = workshopType;
        this.accidentInsurance = accidentInsurance;
        this.centralFundsYuan = centralFundsYuan;
        this.labourPayYuan = labourPayYuan;
        this.pairingId = pairingId;
        this.validUntil = validUntil;
    }

    public OpeningTerms terms() {
        return new OpeningTerms(kind, workCountyCode, capacity, skillsRequired, monthlyWageYuan);
    }

    /** Places the seeker, or refuses: no place left (conflict), or the seeker may not take it (broken rule). */
    public Placement place(JobSeeker seeker, String placementId, LocalDate startDate, LocalDate today, EmploymentPolicy policy,
                           Function<LabourEvent, EventEnvelope<? extends LabourEvent>> envelope) {
        if (validUntil != null && startDate.isAfter(validUntil)) {
            throw new RuleBroken("startDate", "the opening stands until " + validUntil);
        }
        PlacementRules.check(seeker.toSeeker(), terms(), placesTaken(), today, policy);
        boolean crossRegion = !seeker.region().provinceCode().substring(0, 2).equals(workCountyCode.substring(0, 2));
        Placement placement = new Placement(placementId, seeker.seekerId(), seeker.householdId(), seeker.memberId(),
                seeker.liftedFromPoverty(), crossRegion, startDate, null, null);
        placements.add(placement);
        raise(envelope.apply(new JobPlaced(placementId, seeker.householdId(), seeker.memberId(), kind, workCountyCode,
                monthlyWageYuan, startDate, crossRegion, pairingId)));
        return placement;
    }

    /** The placed person lost the job. */
    public Placement end(String placementId, LocalDate lastDay, String reason,
                         Function<LabourEvent, EventEnvelope<? extends LabourEvent>> envelope) {
        Placement current = placements.stream().filter(p -> p.placementId().equals(placementId) && p.active()).findFirst()
                .orElseThrow(() -> new RuleBroken("placementId", "no active placement " + placementId + " in opening " + id));
        if (lastDay.isBefore(current.startDate())) {
            throw new RuleBroken("lostOn", "before the first day of work " + current.startDate());
        }
        Placement ended = new Placement(current.placementId(), current.seekerId(), current.householdId(), current.memberId(),
                current.liftedFromPoverty(), current.crossRegion(), current.startDate(), lastDay, reason);
        placements.replaceAll(p -> p.placementId().equals(placementId) ? ended : p);
        raise(envelope.apply(new JobLost(placementId, current.householdId(), current.memberId(), lastDay, reason)));
        return ended;
    }

    public int placesTaken() {
        return (int) placements.stream().filter(Placement::active).count();
    }

    /** For a workshop: whether it employs enough people lifted from poverty; for work-for-relief: whether wages are a large enough share. */
    public Boolean compliant(EmploymentPolicy policy) {
        if (kind == OpeningKind.ASSISTANCE_WORKSHOP) {
            int lifted = (int) placements.stream().filter(p -> p.active() && p.liftedFromPoverty()).count();
            return PlacementRules.workshopCompliant(lifted, policy);
        }
        if (kind == OpeningKind.WORK_FOR_RELIEF && centralFundsYuan != null && labourPayYuan != null) {
            return PlacementRules.workForReliefCompliant(centralFundsYuan, labourPayYuan, policy);
        }
        return null;
    }

    public String id() {
        return id;
    }

    public OpeningKind kind() {
        return kind;
    }

    public String employer() {
        return employer;
    }

    public String workCountyCode() {
        return workCountyCode;
    }

    public int capacity() {
        return capacity;
    }

    public List<String> skillsRequired() {
        return List.copyOf(skillsRequired);
    }

    public BigDecimal monthlyWageYuan() {
        return monthlyWageYuan;
    }

    public WorkshopType workshopType() {
        return workshopType;
    }

    public Boolean accidentInsurance() {
        return accidentInsurance;
    }

    public String pairingId() {
        return pairingId;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public List<Placement> placements() {
        return List.copyOf(placements);
    }
}
