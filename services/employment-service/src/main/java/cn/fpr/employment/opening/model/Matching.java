package cn.fpr.employment.opening.model;

import cn.fpr.employment.seeker.model.Priority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks job seekers for an opening. Only seekers who may take it are ranked; then skills held
 * (half the score), priority (zero-employment households first, then monitored households) and
 * nearness (local work ahead of work far away) decide [D].
 */
public final class Matching {

    /** A seeker with their score out of 100 and what made it. */
    public record Match(String seekerId, BigDecimal score, BigDecimal skillShare, Priority priority, Mobility distance) {
    }

    public static List<Match> rank(List<Seeker> seekers, OpeningTerms opening, LocalDate today, EmploymentPolicy policy) {
        return seekers.stream()
                .filter(seeker -> PlacementRules.refusal(seeker, opening, today, policy).isEmpty())
                .map(seeker -> match(seeker, opening))
                .sorted(Comparator.comparing(Match::score).reversed().thenComparing(Match::seekerId))
                .toList();
    }

    static Match match(Seeker seeker, OpeningTerms opening) {
        BigDecimal skills = skillShare(seeker.skills(), opening.skillsRequired());
        Mobility distance = Mobility.between(seeker.homeCountyCode(), opening.workCountyCode());
        BigDecimal score = skills.multiply(BigDecimal.valueOf(50))
                .add(BigDecimal.valueOf(priorityPoints(seeker.priority())))
                .add(BigDecimal.valueOf(nearnessPoints(distance)))
                .setScale(1, RoundingMode.HALF_EVEN);
        return new Match(seeker.seekerId(), score, skills, seeker.priority(), distance);
    }

    /** The share of the required skills the seeker has; everyone fits an opening that asks none. */
    static BigDecimal skillShare(List<String> held, List<String> required) {
        if (required.isEmpty()) {
            return BigDecimal.ONE;
        }
        Set<String> has = held.stream().map(skill -> skill.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        long matched = required.stream().map(skill -> skill.toLowerCase(Locale.ROOT)).filter(has::contains).count();
        return BigDecimal.valueOf(matched).divide(BigDecimal.valueOf(required.size()), 2, RoundingMode.HALF_EVEN);
    }

    private static int priorityPoints(Priority priority) {
        return switch (priority) {
            case ZERO_EMPLOYMENT_HOUSEHOLD -> 30;
            case MONITORED_HOUSEHOLD -> 20;
            case GENERAL -> 0;
        };
    }

    private static int nearnessPoints(Mobility distance) {
        return switch (distance) {
            case LOCAL -> 20;
            case IN_PROVINCE -> 12;
            case CROSS_PROVINCE -> 6;
        };
    }

    private Matching() {
    }
}
