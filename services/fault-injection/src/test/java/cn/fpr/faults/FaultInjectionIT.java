package cn.fpr.faults;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault-injection run at the size set for this build (a few thousand signals in CI; the full
 * run sets {@code -Dfaults.signals=100000}, see docs/reliability.md): nothing lost, nothing
 * doubled, the dead-letter topics holding exactly the poison, the consumers caught up.
 */
class FaultInjectionIT {

    @Test
    void under_kills_restarts_poison_and_duplicates_every_signal_and_fact_has_exactly_one_effect() throws Exception {
        Report report = FaultRun.run(FaultRun.Settings.from(Map.of(
                "signals", System.getProperty("faults.signals", "3000"),
                "households", System.getProperty("faults.households", ""),
                "kills", System.getProperty("faults.kills", "3"),
                "seed", System.getProperty("faults.seed", "20210225"),
                "rate", System.getProperty("faults.rate", ""),
                "home", "target/fault-run",
                "root", Path.of("../..").toAbsolutePath().normalize().toString())));
        System.out.println(report.json());

        assertThat(report.failures()).as("what the run found wrong (report: target/fault-run/fault-report.json)").isEmpty();
    }
}
