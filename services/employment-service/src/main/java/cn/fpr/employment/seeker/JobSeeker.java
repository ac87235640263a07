package cn.fpr.employment.seeker;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.household.Region;
import cn.fpr.employment.seeker.model.Priority;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** A job seeker in the labour registry. */
@Document("job_seekers")
public record JobSeeker(@Id String seekerId, @Indexed String householdId, String memberId, Region region, int birthYear,
                        LabourCapacity labourCapacity, List<String> skills, Priority priority, boolean monitored,
                        String source, LocalDate registeredOn) {
}
