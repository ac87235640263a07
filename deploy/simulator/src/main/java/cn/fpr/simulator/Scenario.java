package cn.fpr.simulator;

import java.util.List;
import java.util.Random;

/** What departments report, and how often: the kinds of warning the simulation sends. */
enum Scenario {
    /** large out-of-pocket medical costs (醫保) */
    MEDICAL_COSTS("MEDICAL_INSURANCE", "ILLNESS", 30, "out-of-pocket medical costs after hospital stay"),
    /** a child left school (教育) */
    DROPOUT("EDUCATION", "SCHOOLING", 10, "pupil absent from compulsory schooling"),
    /** flood, hail or landslide damage (應急管理) */
    DISASTER("EMERGENCY_MANAGEMENT", "NATURAL_DISASTER", 15, "crops and house damaged by flooding"),
    /** a worker lost a job (人社) */
    JOB_LOSS("HUMAN_RESOURCES", "UNSTABLE_EMPLOYMENT", 20, "migrant worker returned after layoff"),
    /** unsafe housing found in a check (住建) */
    HOUSING_CHECK("HOUSING", "OTHER", 10, "dwelling assessed as dangerous (grade C/D)"),
    /** drinking water below standard (水利) */
    WATER_CHECK("WATER", "OTHER", 5, "drinking water supply interrupted"),
    /** a new disability certificate (殘聯) */
    DISABILITY("DISABLED_PERSONS_FEDERATION", "DISABILITY", 10, "new disability certificate issued");

    final String department;
    final String riskType;
    final int weight;
    final String description;

    Scenario(String department, String riskType, int weight, String description) {
        this.department = department;
        this.riskType = riskType;
        this.weight = weight;
        this.description = description;
    }

    static Scenario pick(Random random) {
        int total = List.of(values()).stream().mapToInt(s -> s.weight).sum();
        int roll = random.nextInt(total);
        for (Scenario scenario : values()) {
            roll -= scenario.weight;
            if (roll < 0) {
                return scenario;
            }
        }
        throw new IllegalStateException();
    }
}
