package cn.fpr.monitoring.household.importing;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.household.Region;
import cn.fpr.monitoring.household.HouseholdRegistry;
import cn.fpr.monitoring.household.model.HealthStatus;
import cn.fpr.monitoring.household.model.Relation;
import cn.fpr.monitoring.household.model.SchoolStage;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Bulk registration from CSV, one row per member, rows of a household together (same
 * {@code household_ref}). Good households are kept; a household with a wrong row is left out and
 * every wrong row is reported with its column. Progress is readable while the import runs.
 */
@Service
public class HouseholdImport {

    public static final int MAX_ERRORS_KEPT = 1000;
    static final List<String> COLUMNS = List.of("household_ref", "province_code", "county_code", "township_code",
            "village_code", "lifted_from_poverty", "annual_net_income_yuan", "responsible_cadre", "id_number", "relation",
            "health", "labour_capacity", "skills", "school_stage", "medically_insured", "pension_insured");
    /** Households registered together, with one bulk write; the progress is saved after each batch. */
    static final int BATCH = 500;
    private static final Pattern SKILL_SEPARATOR = Pattern.compile("\\s*;\\s*");

    private final HouseholdRegistry registry;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    HouseholdImport(HouseholdRegistry registry, ReactiveMongoTemplate mongo, Clock clock) {
        this.registry = registry;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** An import started in the caller's region; empty for one of another region, as for one never started. */
    public Mono<ImportReport> progress(String importId) {
        return mongo.findById(importId, ImportReport.class)
                .flatMap(report -> Caller.currentOrService().filter(caller -> caller.covers(report.region())).map(caller -> report));
    }

    /**
     * Imports the CSV body; the returned report is the final one. An import ID that another
     * region's import uses already is refused (its report is theirs to follow).
     */
    public Mono<ImportReport> importCsv(String importId, Flux<DataBuffer> body) {
        return Caller.currentOrService().flatMap(caller -> mongo.findById(importId, ImportReport.class)
                .map(earlier -> caller.covers(earlier.region())).defaultIfEmpty(true)
                .flatMap(free -> free ? importCsv(importId, caller.region() == null ? null : caller.region().code(), body)
                        : Mono.error(new RuleBroken("importId", "is in use; choose another"))));
    }

    private Mono<ImportReport> importCsv(String importId, String region, Flux<DataBuffer> body) {
        return Mono.usingWhen(
                Mono.fromCallable(() -> Files.createTempFile("household-import-", ".csv")).subscribeOn(Schedulers.boundedElastic()),
                file -> DataBufferUtils.write(body, file).then(run(importId, region, file)),
                file -> Mono.fromRunnable(() -> delete(file)).subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<ImportReport> run(String importId, String region, Path file) {
        Progress progress = new Progress(importId, region, clock.instant());
        return mongo.save(progress.report("RUNNING", null))
                .thenMany(households(file, progress))
                .buffer(BATCH)
                // a batch registered, then the progress saved; one batch read ahead at most
                .concatMap(batch -> register(batch, progress).then(Mono.defer(() -> mongo.save(progress.report("RUNNING", null)))), 1)
                .then(Mono.defer(() -> mongo.save(progress.report("DONE", clock.instant()))));
    }

    /** The file's rows, read lazily and grouped into households. */
    private Flux<List<CSVRecord>> households(Path file, Progress progress) {
        return Flux.using(() -> parser(file), parser -> Flux.fromIterable(parser)
                        .doOnNext(record -> progress.rowsRead++)
                        .bufferUntilChanged(record -> record.get("household_ref")),
                parser -> close(parser)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Registers a batch of households together; a household with a row that cannot be read, or that the registry refuses, is reported. */
    private Mono<Void> register(List<List<CSVRecord>> batch, Progress progress) {
        List<List<CSVRecord>> readable = new ArrayList<>(batch.size());
        List<HouseholdRegistry.NewHousehold> households = new ArrayList<>(batch.size());
        for (List<CSVRecord> rows : batch) {
            try {
                households.add(parse(rows));
                readable.add(rows);
            } catch (RowProblem problem) {
                progress.reject(problem.row, problem.column, problem.getMessage());
            }
        }
        return registry.registerAll(households).doOnNext(outcomes -> {
            for (int i = 0; i < outcomes.size(); i++) {
                RuleBroken broken = outcomes.get(i).refused();
                if (broken == null) {
                    progress.imported++;
                } else {
                    progress.reject(rowOf(broken.field(), readable.get(i)), columnOf(broken.field()), broken.getMessage());
                }
            }
        }).then();
    }

    private static HouseholdRegistry.NewHousehold parse(List<CSVRecord> rows) {
        CSVRecord first = rows.get(0);
        Region region = new Region(digits(first, "province_code", 6), digits(first, "county_code", 6),
                digits(first, "township_code", 9), digits(first, "village_code", 12));
        List<HouseholdRegistry.NewMember> members = new ArrayList<>();
        for (CSVRecord row : rows) {
            members.add(new HouseholdRegistry.NewMember(text(row, "id_number"), value(row, "relation", Relation.class),
                    value(row, "health", HealthStatus.class), value(row, "labour_capacity", LabourCapacity.class),
                    skills(row), value(row, "school_stage", SchoolStage.class), yes(row, "medically_insured"),
                    yes(row, "pension_insured"), null));
        }
        return new HouseholdRegistry.NewHousehold(region, yes(first, "lifted_from_poverty"), money(first, "annual_net_income_yuan"),
                first.get("responsible_cadre"), members, null);
    }

    private static String digits(CSVRecord row, String column, int length) {
        String value = text(row, column);
        if (!value.matches("\\d{" + length + "}")) {
            throw new RowProblem(row, column, "must be " + length + " digits");
        }
        return value;
    }

    private static String text(CSVRecord row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new RowProblem(row, column, "is required");
        }
        return value.trim();
    }

    private static <E extends Enum<E>> E value(CSVRecord row, String column, Class<E> type) {
        String value = text(row, column).toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new RowProblem(row, column, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean yes(CSVRecord row, String column) {
        String value = text(row, column).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new RowProblem(row, column, "must be true or false");
        }
        return value.equals("true");
    }

    private static BigDecimal money(CSVRecord row, String column) {
        try {
            BigDecimal amount = new BigDecimal(text(row, column));
            if (amount.signum() < 0) {
                throw new RowProblem(row, column, "must not be negative");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new RowProblem(row, column, "must be an amount in yuan");
        }
    }

    private static List<String> skills(CSVRecord row) {
        String value = row.get("skills");
        return value == null || value.isBlank() ? List.of() : List.of(SKILL_SEPARATOR.split(value.trim()));
    }

    /** A registry complaint about {@code members[i].idNumber} points at the household's i-th row. */
    private static long rowOf(String field, List<CSVRecord> rows) {
        java.util.regex.Matcher member = Pattern.compile("members\\[(\\d+)]").matcher(field);
        int index = member.find() ? Integer.parseInt(member.group(1)) : 0;
        return rows.get(Math.min(index, rows.size() - 1)).getRecordNumber();
    }

    private static String columnOf(String field) {
        return field.endsWith("idNumber") ? "id_number" : field;
    }

    private static CSVParser parser(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
                .get().parse(reader);
    }

    private static void close(CSVParser parser) {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts and errors of a running import. */
    private static final class Progress {
        private final String importId;
        private final String region;
        private final java.time.Instant startedAt;
        private final List<ImportReport.RowError> errors = new ArrayList<>();
        private long rowsRead;
        private long imported;
        private long rejected;

        Progress(String importId, String region, java.time.Instant startedAt) {
            this.importId = importId;
            this.region = region;
            this.startedAt = startedAt;
        }

        void reject(long row, String column, String message) {
            rejected++;
            if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(new ImportReport.RowError(row, column, message));
            }
        }

        ImportReport report(String status, java.time.Instant finishedAt) {
            return new ImportReport(importId, status, rowsRead, imported, rejected, List.copyOf(errors), startedAt, finishedAt, region);
        }
    }

    /** A row that cannot be read. */
    private static final class RowProblem extends RuntimeException {
        private final long row;
        private final String column;

        RowProblem(CSVRecord record, String column, String message) {
            super(message);
            this.row = record.getRecordNumber();
            this.column = column;
        }
    }
}
