package cn.fpr.employment.seeker;

import cn.fpr.contracts.LabourCapacity;
import com.fasterxml.jackson.annotation.JsonIgnore;
import cn.fpr.contracts.household.Region;
import cn.fpr.employment.opening.model.Mobility;
import cn.fpr.employment.opening.model.Seeker;
import cn.fpr.employment.seeker.model.Priority;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * A job seeker in the labour registry: a member of a monitored household (from household-flagged)
 * or someone registered directly, whose ID number is kept only hashed and masked.
 */
@Document("job_seekers")
public record JobSeeker(@Id String seekerId, @Indexed String householdId, String memberId, String maskedIdNumber,
                        @JsonIgnore @Indexed String idHash, Region region, int birthYear, LabourCapacity labourCapacity, List<String> skills,
                        Mobility willingness, Priority priority, boolean monitored, boolean liftedFromPoverty,
                        boolean employed, String placementId, String source, LocalDate registeredOn) {

    public Seeker toSeeker() {
        return new Seeker(seekerId, region.countyCode(), birthYear, labourCapacity, skills == null ? List.of() : skills,
                willingness == null ? Mobility.LOCAL : willingness, priority, employed, liftedFromPoverty);
    }
}
