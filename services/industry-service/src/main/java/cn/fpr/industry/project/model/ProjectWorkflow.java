package cn.fpr.industry.project.model;

import cn.fpr.platform.rules.RuleBroken;

/** Village proposes → township reviews → county approves; each step by its role, with a reason; rejection ends it. */
public final class ProjectWorkflow {

    public static ProjectStatus decide(ProjectStatus current, ProjectRole role, boolean approve, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleBroken("reason", "every decision needs a reason");
        }
        ProjectRole expected = nextDecider(current);
        if (role != expected) {
            throw new RuleBroken("role", "the next decision is the " + expected + "'s, not the " + role + "'s");
        }
        if (!approve) {
            return ProjectStatus.REJECTED;
        }
        return current == ProjectStatus.PROPOSED ? ProjectStatus.TOWNSHIP_REVIEWED : ProjectStatus.APPROVED;
    }

    /** Whose decision a project in this state waits for. */
    public static ProjectRole nextDecider(ProjectStatus current) {
        return switch (current) {
            case PROPOSED -> ProjectRole.TOWNSHIP_REVIEWER;
            case TOWNSHIP_REVIEWED -> ProjectRole.COUNTY_OFFICIAL;
            case APPROVED, REJECTED, COMPLETED -> throw new RuleBroken("projectId", "a " + current + " project takes no more decisions");
        };
    }

    /** An approved project that got no money in its year moves to the next year's plan [N]. */
    public static boolean rollsOver(ProjectStatus status, boolean funded, int plannedYear, int closingYear) {
        return status == ProjectStatus.APPROVED && !funded && plannedYear == closingYear;
    }

    private ProjectWorkflow() {
    }
}
