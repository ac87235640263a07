package cn.fpr.industry.borrower;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.household.Region;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** Industry's own view of a monitored household: may it borrow, and is it still monitored. */
@Document("borrower_candidates")
public record BorrowerCandidate(@Id String householdId, Region region, HouseholdCategory category, boolean eligible,
                                boolean monitored, LocalDate flaggedOn) {
}
