package cn.fpr.employment.indicator;

import cn.fpr.employment.indicator.model.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** A person in work through a placement, for the indicators: keyed by placement, so replays count once. */
@Document("employment_records")
public record EmploymentRecord(@Id String placementId, String householdId, @Indexed String homeProvinceCode,
                               @Indexed String homeCountyCode, Channel channel, LocalDate startDate, LocalDate endDate) {
}
