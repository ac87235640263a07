package cn.fpr.monitoring.household.importing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * Progress and result of a CSV import, readable while it runs.
 *
 * @param importId             the caller's name for the import
 * @param status               RUNNING or DONE
 * @param rowsRead             data rows read so far
 * @param householdsImported   households registered
 * @param householdsRejected   households left out because a row of theirs was wrong
 * @param errors               what was wrong, by row (the first {@link HouseholdImport#MAX_ERRORS_KEPT})
 * @param startedAt            when it started
 * @param finishedAt           when it finished, or null
 * @param region               the region of whoever started it: who may follow it
 */
@Document("household_imports")
public record ImportReport(@Id String importId, String status, long rowsRead, long householdsImported,
                           long householdsRejected, List<RowError> errors, Instant startedAt, Instant finishedAt, String region) {

    /** A wrong row: its number (1 is the first data row), the column and what is wrong. */
    public record RowError(long row, String column, String message) {
    }
}
